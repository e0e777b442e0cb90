import { Pool } from 'pg';
import { supervisorProjections } from '../../apps/supervisor/src/supervisor.projections';
import { rebuildAndCompare } from '../simulator/support/read-model-rebuild';
import { caughtUp } from './support/caught-up';
import { auditCommands, type CommandAudit } from './support/acknowledged-commands';
import { faultPlan, playRounds, type RoundsSummary } from './support/fault-rounds';
import { FaultyCircle } from './support/faulty-circle';
import { DATABASE_URL, startOwnServices, stopOwnServices } from './support/own-services';
import { auditSms, type SmsAudit } from './support/sms-audit';

// The test command plays a few rounds; `npm run faults` sets FAULT_ROUNDS (24 by default).
const ROUNDS = Number(process.env.FAULT_ROUNDS ?? 3);
const SEED = Number(process.env.FAULT_SEED ?? 12);
const say = (line: string) => process.stdout.write(`[faults] ${line}\n`);

describe('the circle under crashes and restarts of every part', () => {
  const circle = new FaultyCircle();
  let db: Pool;
  let rounds: RoundsSummary;
  let commands: CommandAudit;
  let sms: SmsAudit;
  let unhealthy: string[];

  beforeAll(async () => {
    await startOwnServices();
    await circle.start();
    db = new Pool({ connectionString: DATABASE_URL, max: 4 });
    say(`seed ${SEED}, ${ROUNDS} rounds`);
    rounds = await playRounds(circle, faultPlan(ROUNDS, SEED), SEED, say);
    unhealthy = await circle.unhealthy(120_000);
    commands = await auditCommands(db, rounds.commands);
    sms = await auditSms(db, 120_000);
    say(`rounds ${rounds.rounds}`);
    say(`faults ${JSON.stringify(rounds.faults)}`);
    say(
      `commands sent ${rounds.commands.length}, acknowledged ${commands.acknowledged}, ` +
        `checked ${commands.checked}, lost ${commands.lost.length}, doubled ${commands.doubled.length}`,
    );
    say(
      `SMS-worthy events ${sms.worthy}, missing ${sms.missing.length}, repeated ${sms.repeated.length}, ` +
        `asked of the provider again after an unknown outcome ${sms.askedAgain}`,
    );
    for (const line of rounds.interruptions) say(`interrupted: ${line}`);
    for (const exit of circle.unplannedExits)
      say(`${exit.app} exited on its own at ${exit.at} (${exit.code ?? exit.signal}): ${exit.log}`);
  }, 60 * 60_000);

  afterAll(async () => {
    await circle.stop();
    await db?.end();
    await stopOwnServices();
  }, 120_000);

  it('injected every planned fault', () => {
    expect(rounds.rounds).toBe(ROUNDS);
  });

  it('stores every command a client was told succeeded, and none twice', () => {
    expect(commands.checked).toBeGreaterThan(0);
    expect({ lost: commands.lost.slice(0, 10), doubled: commands.doubled.slice(0, 10) }).toEqual({
      lost: [],
      doubled: [],
    });
  });

  it('sends every SMS-worthy event exactly one sandbox message', () => {
    expect(sms.worthy).toBeGreaterThan(0);
    expect({ missing: sms.missing.slice(0, 10), repeated: sms.repeated.slice(0, 10) }).toEqual({
      missing: [],
      repeated: [],
    });
  });

  it('keeps every read model equal to a fresh rebuild of it from the log', async () => {
    await caughtUp(db, circle.url('supervisor'), 300_000);
    const report = await rebuildAndCompare(db, supervisorProjections());
    const differing = Object.fromEntries(Object.entries(report).filter(([, d]) => d.length));
    say(
      `read models ${Object.keys(report).length}, differing from their rebuild ${Object.keys(differing).length}`,
    );
    expect(differing).toEqual({});
  }, 900_000);

  it('brings every app back to healthy without a hand', () => {
    expect(unhealthy).toEqual([]);
    expect(
      circle.unplannedExits.map(({ app, at, code, signal }) => ({ app, at, code, signal })),
    ).toEqual([]);
  });
});
