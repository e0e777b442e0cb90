import type { HttpGatewaySettings } from '../settings/http-gateway-settings';
import { outcomeOfAnswer, outcomeOfNoAnswer } from './gateway-answer';
import type { ProviderOutcome, SmsProvider, SmsToSend } from './sms-provider';

/** A placeholder's value as it may stand inside a JSON string of the template. */
const jsonText = (value: string) => JSON.stringify(value).slice(1, -1);

export function fillBody(template: string, sms: SmsToSend): string {
  const values: Readonly<Record<string, string>> = {
    phone: sms.phone,
    text: sms.text,
    messageId: sms.messageId,
    parts: String(sms.parts),
  };
  return template.replace(/\{\{(phone|text|messageId|parts)\}\}/g, (_m, key: string) =>
    jsonText(values[key] ?? ''),
  );
}

/**
 * Any gateway that takes one JSON POST per message: URL, credentials, body and the rule of
 * success come from configuration. The message id travels in the body (where the template puts
 * it) and as the Idempotency-Key header, for gateways that drop a repeat.
 */
export class HttpGatewayProvider implements SmsProvider {
  readonly name = 'http';
  readonly dedupes: boolean;

  constructor(private readonly settings: HttpGatewaySettings) {
    this.dedupes = settings.dedupes;
  }

  async send(sms: SmsToSend): Promise<ProviderOutcome> {
    let response: Response;
    try {
      response = await fetch(this.settings.url, {
        method: 'POST',
        headers: {
          ...this.settings.headers,
          'content-type': 'application/json',
          'idempotency-key': sms.messageId,
        },
        body: fillBody(this.settings.bodyTemplate, sms),
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
    } catch (error) {
      return outcomeOfNoAnswer(error);
    }
    let text: string;
    try {
      text = await response.text();
    } catch {
      // The gateway answered, so it may well have sent; only the rest of its answer was lost.
      return { kind: 'retryable', reason: 'the answer was cut short', maybeSent: true };
    }
    return outcomeOfAnswer(response.status, text, this.settings);
  }
}
