import type { FastifyReply } from 'fastify';
import type { CommandAnswer } from '@circle/event-store';

/** Commands decide their own status (201, 200, 204); the controller passes it on. */
export function sendAnswer(response: FastifyReply, answer: CommandAnswer): unknown {
  void response.status(answer.status);
  return answer.body ?? undefined;
}
