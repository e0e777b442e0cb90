import { loadPageFiles } from './page-files';

describe("the admins' SMS queue page files", () => {
  const files = loadPageFiles();
  const text = (name: string) => files.get(name)!.body.toString('utf8');

  it('refers only to assets that are served', () => {
    const refs = [...text('sms-queues.html').matchAll(/(?:src|href)="\/assets\/([^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(refs).toContain('alpine.min.js');
    for (const ref of refs) expect(files.has(ref!)).toBe(true);
  });

  it('has the same words in both languages, every one the page uses', () => {
    const dictionaries: Record<string, Record<string, string>> = { 'zh-CN': {}, en: {} };
    for (const name of ['sms-queues.i18n.zh-CN.js', 'sms-queues.i18n.en.js'])
      new Function('window', text(name))({ CircleDictionaries: dictionaries });
    expect(Object.keys(dictionaries.en!).sort()).toEqual(
      Object.keys(dictionaries['zh-CN']!).sort(),
    );
    const used = [
      ...`${text('sms-queues.html')}${text('sms-queues.js')}`.matchAll(/'(queues\.[\w]+)'/g),
    ].map((m) => m[1]!);
    for (const key of used) expect(dictionaries['zh-CN']).toHaveProperty([key]);
  });
});
