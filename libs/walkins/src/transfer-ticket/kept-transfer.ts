import {
  CommandAnswer,
  EventStore,
  IdempotencyKey,
  IdempotencyKeyReused,
  keyIdOf,
} from '@circle/event-store';
import type { CommandContext } from '../streams/event-stream';

/** What a repeat of a transfer request finds: the first answer, or the transfer it started. */
export type KeptTransfer =
  { readonly answer: CommandAnswer } | { readonly transferId: string } | undefined;

/**
 * Step 1 keeps the transferId under a key of its own: a repeat of the request carries on the
 * same transfer, and the request's own key keeps the final answer.
 */
export function startContext(context: CommandContext): CommandContext {
  const key = context.idempotency;
  return key ? { ...context, idempotency: startKey(key) } : context;
}

/**
 * Looked up before the ticket is checked: once transferred it can no longer be, and a repeat
 * must still get the first answer, or carry on a transfer a crash cut short.
 */
export async function keptTransfer(
  store: EventStore,
  context: CommandContext,
): Promise<KeptTransfer> {
  const key = context.idempotency;
  if (!key) return undefined;
  const kept = await store.keptAnswers([key, startKey(key)]);
  const answered = kept.get(keyIdOf(key)) ?? kept.get(keyIdOf(startKey(key)));
  if (!answered) return undefined;
  if (answered.fingerprint !== key.fingerprint) throw new IdempotencyKeyReused();
  const started = answered.answer.body as { transferId?: string } | undefined;
  return kept.has(keyIdOf(key)) || !started?.transferId
    ? { answer: answered.answer }
    : { transferId: started.transferId };
}

// A space never appears in a key a caller sends, so no request can name this key as its own.
function startKey(key: IdempotencyKey): IdempotencyKey {
  return { ...key, key: `${key.key} start` };
}
