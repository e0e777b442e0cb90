import { ConfigError } from '@circle/platform';
import { Env, optional, whole, yesNo } from './env-readers';

/** `field=value` on the JSON answer, dotted paths allowed (`result.code=0`). */
export interface FieldRule {
  readonly field: string;
  readonly value: string;
}

export interface HttpGatewaySettings {
  readonly url: string;
  /** Authorization and any other fixed headers the gateway asks for. */
  readonly headers: Readonly<Record<string, string>>;
  /** JSON with {{phone}}, {{text}}, {{messageId}} and {{parts}} placeholders. */
  readonly bodyTemplate: string;
  /** What a 2xx answer must also say to count as accepted; any 2xx when absent. */
  readonly success: FieldRule | null;
  /** Where the gateway's own message id is in its answer, if it gives one. */
  readonly idField: string | null;
  /** Where a refusal's reason is in its answer. */
  readonly reasonField: string;
  readonly timeoutMs: number;
  /**
   * The gateway drops a second request with the same {{messageId}}: a call whose outcome is
   * unknown (a timeout, a crash before the answer was recorded) may then be repeated safely.
   */
  readonly dedupes: boolean;
}

export const DEFAULT_BODY_TEMPLATE =
  '{"to":"{{phone}}","text":"{{text}}","reference":"{{messageId}}"}';

function template(env: Env): string {
  const body = optional(env, 'SMS_HTTP_BODY') ?? DEFAULT_BODY_TEMPLATE;
  for (const needed of ['{{phone}}', '{{text}}'])
    if (!body.includes(needed)) throw new ConfigError('SMS_HTTP_BODY', `must contain ${needed}`);
  const sample = body
    .replace(/\{\{(phone|text|messageId)\}\}/g, 'x')
    .replace(/\{\{parts\}\}/g, '1');
  try {
    JSON.parse(sample);
  } catch {
    throw new ConfigError('SMS_HTTP_BODY', 'is not JSON once its placeholders are filled in');
  }
  return body;
}

function fieldRule(env: Env): FieldRule | null {
  const raw = optional(env, 'SMS_HTTP_SUCCESS');
  if (!raw) return null;
  const match = /^([\w.]+)=(.*)$/.exec(raw);
  if (!match?.[1] || match[2] === undefined)
    throw new ConfigError('SMS_HTTP_SUCCESS', `must read field=value, got "${raw}"`);
  return { field: match[1], value: match[2] };
}

function url(env: Env): string {
  const raw = optional(env, 'SMS_HTTP_URL');
  if (!raw) throw new ConfigError('SMS_HTTP_URL', 'is missing (SMS_PROVIDER=http needs it)');
  try {
    if (!/^https?:$/.test(new URL(raw).protocol)) throw new Error();
  } catch {
    throw new ConfigError('SMS_HTTP_URL', `must be an http(s) URL, got "${raw}"`);
  }
  return raw;
}

function authorization(env: Env): Record<string, string> {
  const token = optional(env, 'SMS_HTTP_TOKEN');
  const user = optional(env, 'SMS_HTTP_USER');
  if (token && user)
    throw new ConfigError('SMS_HTTP_TOKEN', 'and SMS_HTTP_USER exclude each other: give one');
  if (token) return { authorization: `Bearer ${token}` };
  if (!user) return {};
  const password = optional(env, 'SMS_HTTP_PASSWORD') ?? '';
  return { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` };
}

export function loadHttpGatewaySettings(env: Env): HttpGatewaySettings {
  return {
    url: url(env),
    headers: authorization(env),
    bodyTemplate: template(env),
    success: fieldRule(env),
    idField: optional(env, 'SMS_HTTP_ID_FIELD'),
    reasonField: optional(env, 'SMS_HTTP_REASON_FIELD') ?? 'message',
    timeoutMs: whole(env, 'SMS_HTTP_TIMEOUT_MS', 5_000, 100, 60_000),
    dedupes: yesNo(env, 'SMS_HTTP_DEDUPES', true),
  };
}
