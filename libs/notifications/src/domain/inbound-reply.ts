/**
 * Replies Chinese carriers and residents use to unsubscribe: TD (退订) is the industry's
 * standard reply, STOP the international one.
 */
const STOP_WORDS = new Set(['STOP', 'TD', 'T', 'UNSUBSCRIBE', '退订', '退定', '取消']);

export function isStopReply(text: string): boolean {
  return STOP_WORDS.has(text.trim().toUpperCase());
}
