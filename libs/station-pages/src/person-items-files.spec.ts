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
});
