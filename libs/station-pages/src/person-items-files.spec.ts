import { loadPageFiles } from './page-files';

describe('the filing, qualification and transfer screens in the console', () => {
  const files = loadPageFiles();
  const html = files.get('console.html')!.body.toString('utf8');
  const source = (name: string) => files.get(name)!.body.toString('utf8');

  it('stitches in the three screens', () => {
    for (const panel of ['filingPanel', 'qualificationPanel', 'transferPanel'])
      expect(html).toContain(`x-data="${panel}"`);
  });

  it('has every word in both languages, and every key a screen names', () => {
    const dictionaries: Record<string, Record<string, string>> = { 'zh-CN': {}, en: {} };
    for (const name of ['person-items.i18n.zh-CN.js', 'person-items.i18n.en.js'])
      new Function('window', source(name))({ CircleDictionaries: dictionaries });
    const zh = dictionaries['zh-CN']!;
    expect(Object.keys(dictionaries.en!).sort()).toEqual(Object.keys(zh).sort());
    const screens = ['filing', 'qualification', 'transfer', 'person-items'].map((name) =>
      source(`${name}.js`),
    );
    const words = /'((?:items|filing|qual|transfer)\.[\w.-]+[\w-])'/g;
    const named = [...[...screens, html].join('\n').matchAll(words)].map((m) => m[1]!);
    expect(named.length).toBeGreaterThan(20);
    for (const key of named) expect(zh[key]).toBeTruthy();
  });

  it('reads a clock as time left or overdue, in whole minutes', () => {
    const window: { CirclePersonItems?: Record<string, (...args: unknown[]) => unknown> } = {};
    new Function('window', source('person-items.js'))(window);
    const { clockWords, refusalOf } = window.CirclePersonItems!;
    const t = (key: unknown, vars: unknown) => `${String(key)} ${JSON.stringify(vars)}`;
    const now = Date.parse('2026-12-05T02:00:00Z');
    expect(clockWords!('2026-12-05T03:30:00Z', now, t)).toBe(
      'items.left {"time":"items.hours {\\"hours\\":1,\\"minutes\\":30}"}',
    );
    expect(clockWords!('2026-12-03T01:00:00Z', now, t)).toBe(
      'items.overdue {"time":"items.days {\\"days\\":2,\\"hours\\":1}"}',
    );
    expect(clockWords!('2026-12-05T02:00:30Z', now, t)).toBe(
      'items.left {"time":"items.minutes {\\"minutes\\":0}"}',
    );
    // A refusal naming a field lands there; one naming none lands where the screen puts it.
    expect(
      refusalOf!({ fields: [{ field: 'validTo', problem: 'must not be before validFrom' }] }, [
        'validTo',
      ]),
    ).toEqual({ validTo: { key: 'filing.problem.toBeforeFrom' } });
    expect(
      refusalOf!({ fields: [], error: 'transfer_pending', status: 409 }, ['otherRegion'], {
        transfer_pending: { field: 'otherRegion', key: 'transfer.problem.pending' },
      }),
    ).toEqual({ otherRegion: { key: 'transfer.problem.pending' } });
  });
});
