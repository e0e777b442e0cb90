import type { ProviderName } from '../settings/notification-settings';

export interface SmsToSend {
  /** Sent along as the idempotency key, so a provider that honours it never texts twice. */
  readonly messageId: string;
  readonly phone: string;
  readonly text: string;
  readonly parts: number;
}

export type ProviderOutcome =
  | {
      readonly kind: 'accepted';
      readonly providerMessageId: string | null;
      /** The provider already knows the handset got it (the sandbox does). */
      readonly delivered: boolean;
    }
  | {
      readonly kind: 'retryable';
      readonly reason: string;
      /** The request may have been acted on (a timeout after it was written). */
      readonly maybeSent: boolean;
    }
  | {
      readonly kind: 'permanent';
      readonly reason: string;
      /** `rejected`: the provider refused this message (number, content); `failed` otherwise. */
      readonly status: 'rejected' | 'failed';
    };

/** One SMS gateway. A new gateway is one class behind this interface. */
export interface SmsProvider {
  readonly name: ProviderName;
  /** Whether a repeated messageId is dropped by the provider, making a repeat call safe. */
  readonly dedupes: boolean;
  send(sms: SmsToSend): Promise<ProviderOutcome>;
}

export const SMS_PROVIDER = Symbol('SMS_PROVIDER');
