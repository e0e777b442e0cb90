import { loadPageFiles } from './page-files';

describe("the counter's frame in the console", () => {
  const files = loadPageFiles();
  const html = files.get('console.html')!.body.toString('utf8');

  it('stitches in the counter history and the person finder', () => {
    expect(html).toContain('x-data="counterHistory"');
    expect(html).toContain('x-data="personFinder"');
  });

  it('has the counter words in both languages', () => {
    const dictionaries: Record<string, Record<string, string>> = { 'zh-CN': {}, en: {} };
    const window = { CircleDictionaries: dictionaries };
    for (const name of ['counter.i18n.zh-CN.js', 'counter.i18n.en.js'])
      new Function('window', files.get(name)!.body.toString('utf8'))(window);
    expect(Object.keys(dictionaries.en).sort()).toEqual(Object.keys(dictionaries['zh-CN']).sort());
  });

  it('offers every not-handled reason and record kind the API takes, in words', () => {
    const dictionaries: Record<string, Record<string, string>> = { 'zh-CN': {}, en: {} };
    new Function('window', files.get('counter.i18n.zh-CN.js')!.body.toString('utf8'))({
      CircleDictionaries: dictionaries,
    });
    const words = dictionaries['zh-CN']!;
    const ending = files.get('console-ending.js')!.body.toString('utf8');
    const registry = files.get('screen-registry.js')!.body.toString('utf8');
    for (const reason of [
      'documents-missing',
      'not-eligible',
      'resident-left',
      'referred',
      'system-unavailable',
      'other',
    ]) {
      expect(ending).toContain(`'${reason}'`);
      expect(words[`console.reason.${reason}`]).toBeTruthy();
    }
    const kinds = [...registry.matchAll(/^ {4}'([a-z]+)',$/gm)].map((m) => m[1]);
    expect(kinds).toHaveLength(10);
    for (const kind of kinds) expect(words[`record.${kind}`]).toBeTruthy();
  });
});
