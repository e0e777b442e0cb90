import type { Clock } from '../clock';
import type { SandboxOutbox } from '../store/sandbox-outbox';
import type { ProviderOutcome, SmsProvider, SmsToSend } from './sms-provider';

/**
 * The demo's and the tests' gateway: records what it got and "delivers" on the spot. It may be
 * told to take a while to answer after recording, as a real gateway's round trip does, which
 * leaves a window in which a crash finds the message received but not acknowledged.
 */
export class SandboxProvider implements SmsProvider {
  readonly name = 'sandbox';
  readonly dedupes = true;

  constructor(
    private readonly outbox: SandboxOutbox,
    private readonly clock: Clock,
    private readonly latencyMs = 0,
  ) {}

  async send(sms: SmsToSend): Promise<ProviderOutcome> {
    await this.outbox.receive(sms, this.clock.now());
    if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs));
    return { kind: 'accepted', providerMessageId: `sandbox-${sms.messageId}`, delivered: true };
  }
}
