import { invalid } from '@circle/kernel';

export type GatewayCallback =
  | {
      readonly type: 'delivery';
      readonly messageId: string;
      readonly status: 'delivered' | 'failed';
      readonly reason: string | null;
    }
  | { readonly type: 'reply'; readonly phone: string; readonly text: string };

function text(body: Record<string, unknown>, field: string, max = 500): string {
  const value = body[field];
  if (typeof value !== 'string' || value.length === 0 || value.length > max)
    throw invalid(field, `must be text of 1 to ${max} characters`);
  return value;
}

/** The callback's JSON, read only after its signature held. */
export function parseCallback(body: unknown): GatewayCallback {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw invalid('body', 'must be a JSON object');
  const fields = body as Record<string, unknown>;
  if (fields.type === 'reply')
    return { type: 'reply', phone: text(fields, 'phone', 20), text: text(fields, 'text') };
  if (fields.type !== 'delivery') throw invalid('type', 'must be delivery or reply');
  const status = fields.status;
  if (status !== 'delivered' && status !== 'failed')
    throw invalid('status', 'must be delivered or failed');
  const reason =
    fields.reason === undefined || fields.reason === null ? null : text(fields, 'reason');
  return { type: 'delivery', messageId: text(fields, 'messageId', 200), status, reason };
}
