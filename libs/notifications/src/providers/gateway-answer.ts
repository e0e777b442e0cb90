import type { FieldRule, HttpGatewaySettings } from '../settings/http-gateway-settings';
import type { ProviderOutcome } from './sms-provider';

/** A value at a dotted path of a parsed JSON answer, as text; undefined when absent. */
export function fieldAt(body: unknown, path: string): string | undefined {
  let value: unknown = body;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  if (value === undefined || value === null || typeof value === 'object') return undefined;
  return String(value);
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const holds = (rule: FieldRule | null, body: unknown) =>
  rule === null || fieldAt(body, rule.field) === rule.value;

/**
 * What an answer means. 5xx, 408 and 429 are the gateway's trouble, worth another try; any
 * other 4xx refuses this message (a bad number, rejected content), and so does a 2xx that fails
 * the configured success rule, with the gateway's reason.
 */
export function outcomeOfAnswer(
  status: number,
  text: string,
  settings: Pick<HttpGatewaySettings, 'success' | 'idField' | 'reasonField'>,
): ProviderOutcome {
  const body = parsed(text);
  const reason = fieldAt(body, settings.reasonField) ?? (text.slice(0, 200) || `HTTP ${status}`);
  if (status >= 500 || status === 408 || status === 429)
    return { kind: 'retryable', reason: `HTTP ${status}: ${reason}`, maybeSent: false };
  if (status < 200 || status >= 300)
    return { kind: 'permanent', reason: `HTTP ${status}: ${reason}`, status: 'rejected' };
  if (!holds(settings.success, body)) return { kind: 'permanent', reason, status: 'rejected' };
  const providerMessageId = settings.idField ? (fieldAt(body, settings.idField) ?? null) : null;
  return { kind: 'accepted', providerMessageId, delivered: false };
}

const NEVER_CONNECTED = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

function codeOf(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  return typeof cause?.code === 'string' ? cause.code : undefined;
}

/** A request that got no answer: refused before it was sent is safe to repeat; a timeout is not known. */
export function outcomeOfNoAnswer(error: unknown): ProviderOutcome {
  const name = (error as { name?: unknown } | undefined)?.name;
  if (name === 'TimeoutError' || name === 'AbortError')
    return { kind: 'retryable', reason: 'the gateway did not answer in time', maybeSent: true };
  const code = codeOf(error);
  if (code && NEVER_CONNECTED.has(code))
    return {
      kind: 'retryable',
      reason: `the gateway could not be reached (${code})`,
      maybeSent: false,
    };
  return {
    kind: 'retryable',
    reason: `the connection failed (${code ?? String(error)})`,
    maybeSent: true,
  };
}
