import { makeCreditCode, makeNationalId, parseCreditCode } from '@circle/enrollment';
import { loadPageFiles } from './page-files';

interface RollProblem {
  line: number;
  field: string;
  problem: string;
  vars?: Record<string, unknown>;
}

interface EmployerForm {
  creditCodeProblem(raw: string): string | null;
  readRoll(
    text: string,
    today: string,
  ): {
    employees: { line: number; body: Record<string, string>; bad: boolean }[];
    problems: RollProblem[];
  };
  serverProblem(field: string, text: string): { key?: string; text?: string };
}

/** The browser scripts run here as in the page: functions of `window`. */
function load() {
  const files = loadPageFiles();
  const text = (name: string) => files.get(name)!.body.toString('utf8');
  // The served CSV library, loaded as a CommonJS module would load it.
  const papa = { exports: {} as unknown };
  new Function('module', 'exports', 'define', text('papaparse.min.js'))(
    papa,
    papa.exports,
    undefined,
  );
  const window: Record<string, unknown> = { Papa: papa.exports };
  const document = { addEventListener: () => undefined };
  for (const name of ['bill-form.js', 'employer-form.js'])
    new Function('window', 'document', text(name))(window, document);
  const dictionaries: Record<string, Record<string, string>> = { 'zh-CN': {}, en: {} };
  for (const name of ['employer.i18n.zh-CN.js', 'employer.i18n.en.js'])
    new Function('window', text(name))({ CircleDictionaries: dictionaries });
  return { form: window.CircleEmployerForm as EmployerForm, dictionaries, files };
}

describe("the employer screen's checks", () => {
  const { form, dictionaries, files } = load();
  const today = '2026-12-05';
  const alice = makeNationalId('370811', '1985-04-02', 12);
  const bob = makeNationalId('370811', '1990-11-30', 7);
  const wrongCheck = `${alice.slice(0, 17)}${alice.endsWith('1') ? '2' : '1'}`;

  it('checks credit codes as GB 32100 does, agreeing with the API on every code', () => {
    const good = makeCreditCode('91370800MA3C4Y5X1');
    expect(form.creditCodeProblem(good)).toBeNull();
    expect(form.creditCodeProblem(good.toLowerCase())).toBeNull();
    expect(form.creditCodeProblem('')).toBe('required');
    expect(form.creditCodeProblem(good.slice(0, 17))).toBe('codeLength');
    expect(form.creditCodeProblem(`${good.slice(0, 16)}I${good[17]}`)).toBe('codeCharacters');
    expect(form.creditCodeProblem(`91A70800${good.slice(8)}`)).toBe('codeArea');
    const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    for (const last of chars) {
      const code = `${good.slice(0, 17)}${last}`;
      expect(form.creditCodeProblem(code) === null).toBe(parseCreditCode(code).ok);
    }
  });

  it('reads a roll, naming each bad row by its line and field, before anything is sent', () => {
    const roll = [
      '身份证号,姓名,手机号,参保日期',
      `${alice},王秀英,13700000001,2026-12-01`,
      '',
      `${wrongCheck},李四,1370000,2026-13-01`,
      `"${bob}","张
三",,2026-12-01`,
      `${alice},王秀英,,1980-01-01`,
    ].join('\r\n');
    const { employees, problems } = form.readRoll(roll, today);
    expect(employees.map((e) => [e.line, e.bad])).toEqual([
      [2, false],
      [4, true],
      [5, true],
      [7, true],
    ]);
    expect(problems).toEqual([
      { line: 4, field: 'residentId', problem: 'idCheckDigit' },
      { line: 4, field: 'phone', problem: 'mobile' },
      { line: 4, field: 'joinedOn', problem: 'date' },
      // A name over two lines carries a newline, which the API refuses.
      { line: 5, field: 'name', problem: 'hidden' },
      { line: 7, field: 'residentId', problem: 'twiceOnRoll', vars: { line: 2 } },
      { line: 7, field: 'joinedOn', problem: 'beforeBirth' },
    ]);
    expect(employees[0]!.body).toEqual({
      residentId: alice,
      name: '王秀英',
      phone: '13700000001',
      joinedOn: '2026-12-01',
    });
  });

  it('takes English headings in any order, a byte-order mark and no phone column', () => {
    const roll = `\ufeffjoinedOn,name,residentId\n2026-12-01,Bob,${bob}\n`;
    const { employees, problems } = form.readRoll(roll, today);
    expect(problems).toEqual([]);
    expect(employees[0]!.body).toEqual({ residentId: bob, name: 'Bob', joinedOn: '2026-12-01' });
  });

  it('names the missing columns on the heading line, and an empty roll', () => {
    expect(form.readRoll('name,phone\nBob,', today).problems).toEqual([
      { line: 1, field: 'residentId', problem: 'missingColumn' },
      { line: 1, field: 'joinedOn', problem: 'missingColumn' },
    ]);
    expect(form.readRoll('\n\n', today).problems).toEqual([
      { line: 1, field: 'roll', problem: 'empty' },
    ]);
  });

  it("words the API's field problems by field, the same text meaning different things", () => {
    const check = 'The check character does not match the other 17 characters.';
    expect(form.serverProblem('creditCode', check)).toEqual({ key: 'codeCheck' });
    expect(form.serverProblem('residentId', check)).toEqual({ key: 'idCheckDigit' });
    expect(form.serverProblem('joinedOn', 'must not be before the birth date in the ID')).toEqual({
      key: 'beforeBirth',
    });
    expect(form.serverProblem('name', 'something new')).toEqual({ text: 'something new' });
  });

  it('has every word in both languages', () => {
    expect(Object.keys(dictionaries.en!).sort()).toEqual(
      Object.keys(dictionaries['zh-CN']!).sort(),
    );
    const used = new Set<string>();
    for (const name of ['employer.js', 'employee-roll.js', 'change-info.js', 'console.html'])
      for (const [, key] of files
        .get(name)!
        .body.toString('utf8')
        .matchAll(/'((?:employer|roll|check|change)\.[\w.]+)'/g))
        used.add(key!);
    for (const key of used)
      if (!key.endsWith('.')) expect(dictionaries['zh-CN']).toHaveProperty([key]);
  });

  it('serves the CSV library beside the pages', () => {
    expect(files.get('papaparse.min.js')!.body.length).toBeGreaterThan(10_000);
    expect(files.get('console.html')!.body.toString('utf8')).toContain('x-data="employerPanel"');
  });
});
