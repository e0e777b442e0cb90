import { randomInt } from 'node:crypto';
import { startApp, type RunningApp } from '../support/app-process';
import { call, login } from '../support/http';
import { freshResidentId } from './enrollment-fixtures';

// Ports of its own (TEST_PORT_BASE + 65, + 66), apart from the other enrollment suites' fixed ones.
const BASE = Number(process.env.TEST_PORT_BASE ?? 4100);

interface Found {
  people: { residentId: string; name: string; birthDate: string; sex: string; phone: string }[];
  more: boolean;
}

jest.setTimeout(90_000);

describe('find a person at the counter', () => {
  let township: RunningApp;
  let supervisor: RunningApp;
  let clerk: string;
  const birthDate = '1979-11-23';
  // A name and phone no other run has, so what is found is this run's.
  const name = `测试${String.fromCharCode(0x4e00 + randomInt(0, 20000))}·${Date.now() % 100000}`;
  const phone = `139${String(randomInt(0, 1e8)).padStart(8, '0')}`;
  const first = freshResidentId(birthDate);
  const second = freshResidentId(birthDate);

  beforeAll(async () => {
    [township, supervisor] = await Promise.all([
      startApp('township', { PORT: String(BASE + 65) }),
      startApp('supervisor', { PORT: String(BASE + 66) }),
    ]);
    clerk = await login(township.url, 'clerk-town-1');
    for (const [residentId, withPhone] of [
      [first, phone],
      [second, undefined],
    ] as const) {
      const enrolled = await call(`${township.url}/api/residents`, {
        method: 'POST',
        token: clerk,
        body: {
          residentId,
          name,
          ...(withPhone ? { phone: withPhone } : {}),
          category: 'general',
          region: 'taibai-lake',
        },
      });
      expect(enrolled.status).toBe(201);
    }
  }, 120_000);

  afterAll(async () => {
    await Promise.all([township?.stop(), supervisor?.stop()]);
  });

  const find = (query: string, token = clerk) =>
    call(`${township.url}/api/people?${query}`, { token });

  async function eventually(query: string, count: number): Promise<Found> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const reply = await find(query);
      expect(reply.status).toBe(200);
      const body = reply.body as unknown as Found;
      if (body.people.length >= count || Date.now() > deadline) return body;
      await new Promise((r) => setTimeout(r, 300));
    }
  }

  it('by name and birth date, whatever spaces and dot the clerk types', async () => {
    const typed = name.replace('·', ' ・ ');
    const found = await eventually(`name=${encodeURIComponent(typed)}&birthDate=${birthDate}`, 2);
    expect(found.more).toBe(false);
    expect(found.people.map((p) => p.residentId).sort()).toEqual([first, second].sort());
    expect(found.people[0]).toMatchObject({ name, birthDate });
  });

  it('by phone, the number masked in the answer', async () => {
    const found = await eventually(`phone=${phone}`, 1);
    expect(found.people).toEqual([
      expect.objectContaining({
        residentId: first,
        phone: `${phone.slice(0, 3)}****${phone.slice(-4)}`,
      }),
    ]);
  });

  it('refuses a search that is not one of the two, naming the field', async () => {
    const cases: [string, string][] = [
      ['', 'name'],
      [`name=${encodeURIComponent(name)}`, 'birthDate'],
      [`birthDate=${birthDate}`, 'name'],
      [`name=x&birthDate=1979-02-30`, 'birthDate'],
      [`name=x&birthDate=79-1-1`, 'birthDate'],
      [`phone=12345`, 'phone'],
      [`phone=${phone}&name=x`, 'phone'],
      [`name=${'长'.repeat(51)}&birthDate=${birthDate}`, 'name'],
    ];
    for (const [query, field] of cases) {
      const reply = await find(query);
      expect({ query, status: reply.status }).toEqual({ query, status: 422 });
      expect(reply.body).toMatchObject({ fields: [expect.objectContaining({ field })] });
    }
  });

  it('is no kiosk’s to ask', async () => {
    const kiosk = await login(township.url, 'kiosk-town-1');
    expect((await find(`phone=${phone}`, kiosk)).status).toBe(403);
  });
});
