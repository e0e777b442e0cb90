import type { Response } from 'express';
import type { CommandAnswer } from '@circle/event-store';

/** Commands decide their own status (201, 200, 204); the controller passes it on. */
export function sendAnswer(response: Response, answer: CommandAnswer): unknown {
  response.status(answer.status);
  return answer.body ?? undefined;
}
