import type { CommandRecord, SimulationSummary } from '../simulation.types';

const add = (to: Record<string, number>, key: string, n = 1) => {
  to[key] = (to[key] ?? 0) + n;
};

/** What the run did, counted as the answers come in. */
export class Tally {
  commands = 0;
  errors = 0;
  fiveHundreds = 0;
  readonly byOperation: Record<string, number> = {};
  readonly byStatus: Record<string, number> = {};
  readonly ticketsIssued: Record<string, number> = {};
  readonly ticketsServed: Record<string, number> = {};
  readonly settlements: Record<string, number> = {};
  readonly fundFen: Record<string, number> = {};
  readonly assistanceFen: Record<string, number> = {};
  readonly refusals: Record<string, { count: number; message: string }> = {};

  command(c: CommandRecord, body: unknown): void {
    this.commands++;
    add(this.byOperation, c.operation);
    add(this.byStatus, String(c.status));
    if (c.status >= 200 && c.status < 300) {
      if (c.operation === 'issue-ticket') add(this.ticketsIssued, c.station);
      if (c.operation === 'complete') add(this.ticketsServed, c.station);
      return;
    }
    // 204 from call-next is "nobody waits", not an error.
    this.errors++;
    if (c.status >= 500 || c.status === 0) this.fiveHundreds++;
    const key = `${c.operation} ${c.status}`;
    const seen = this.refusals[key];
    if (seen) seen.count++;
    else {
      const message = (body as { message?: unknown } | undefined)?.message;
      this.refusals[key] = { count: 1, message: String(message ?? '').slice(0, 200) };
    }
  }

  settled(setting: string, s: Record<string, number | string>): void {
    const n = (k: string) => Number(s[k] ?? 0);
    add(this.settlements, setting);
    add(this.fundFen, setting, n('hifp_pay') + n('hifmi_pay') + n('hifob_pay'));
    add(this.assistanceFen, setting, n('maf_pay'));
  }

  summary(
    extra: Pick<SimulationSummary, 'wallSeconds' | 'simulatedFrom' | 'simulatedTo' | 'aborted'>,
  ): SimulationSummary {
    return {
      commands: this.commands,
      byOperation: this.byOperation,
      byStatus: this.byStatus,
      fiveHundreds: this.fiveHundreds,
      ticketsIssued: this.ticketsIssued,
      ticketsServed: this.ticketsServed,
      settlements: this.settlements,
      fundFen: this.fundFen,
      assistanceFen: this.assistanceFen,
      refusals: this.refusals,
      ...extra,
    };
  }
}
