import { loadPageFiles } from './page-files';

describe("the supervisor's dashboard page files", () => {
  const files = loadPageFiles();
  const text = (name: string) => files.get(name)!.body.toString('utf8');

  it('refers only to assets that are served, the chart library among them', () => {
    const html = text('dashboard.html');
    const refs = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+)"/g)].map((m) => m[1]);
    expect(refs).toEqual(
      expect.arrayContaining(['alpine.min.js', 'uPlot.iife.min.js', 'uPlot.min.css']),
    );
    for (const ref of refs) expect(files.has(ref!)).toBe(true);
  });

  it('is stitched from its parts: map, chart, breaches, cards, counters and report', () => {
    const html = text('dashboard.html');
    expect(html).not.toMatch(/<!--\s*include/);
    for (const part of [
      'x-data="coverageMap"',
      'class="hourly-chart"',
      'class="card breaches"',
      'class="station-cards"',
      'class="counters-table"',
      'x-data="monthlyReport"',
    ])
      expect(html).toContain(part);
  });

  it('has the same words in both languages, on top of the station pages', () => {
    const dictionaries: Record<string, Record<string, string>> = {};
    const window = { CircleDictionaries: dictionaries };
    for (const name of [
      'i18n.zh-CN.js',
      'i18n.en.js',
      'dashboard.i18n.zh-CN.js',
      'dashboard.i18n.en.js',
    ])
      new Function('window', text(name))(window);
    const keys = (lang: string) =>
      Object.keys(dictionaries[lang]!).filter((k) =>
        /^(dash|map|kind|card|duration|station|chart|sla|report)\./.test(k),
      );
    expect(keys('en').sort()).toEqual(keys('zh-CN').sort());
    expect(keys('en').length).toBeGreaterThan(50);
  });
});
