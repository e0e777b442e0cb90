import type { Clock } from '../clock';
import type { SandboxOutbox } from '../store/sandbox-outbox';
import type { ProviderOutcome, SmsProvider, SmsToSend } from './sms-provider';

/** The demo's and the tests' gateway: records what it got, and "delivers" on the spot. */
export class SandboxProvider implements SmsProvider {
  readonly name = 'sandbox';
  readonly dedupes = true;

  constructor(
    private readonly outbox: SandboxOutbox,
    private readonly clock: Clock,
  ) {}

  async send(sms: SmsToSend): Promise<ProviderOutcome> {
    await this.outbox.receive(sms, this.clock.now());
    return { kind: 'accepted', providerMessageId: `sandbox-${sms.messageId}`, delivered: true };
  }
}
