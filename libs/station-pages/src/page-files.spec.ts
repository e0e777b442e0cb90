import { BUSINESS_CATALOG } from '@circle/stations';
import { loadPageFiles, withParts } from './page-files';

describe('station page files', () => {
  const files = loadPageFiles();

  it.each(['console.html', 'kiosk.html', 'board.html', 'verify.html'])(
    '%s refers only to assets that are served',
    (page) => {
      const html = files.get(page)!.body.toString('utf8');
      const refs = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+)"/g)].map((m) => m[1]);
      expect(refs).toContain('alpine.min.js');
      for (const ref of refs) expect(files.has(ref)).toBe(true);
    },
  );

  it('stitches the console from its parts and serves no part on its own', () => {
    const html = files.get('console.html')!.body.toString('utf8');
    expect(html).not.toMatch(/<!--\s*include/);
    expect(html).toContain('x-data="settlementPanel"');
    expect(html).toContain('class="settlement-result"');
    expect(html).toContain('class="statement-sheet"');
    expect(html).toContain('x-data="claimPanel"');
    expect(html).toContain('x-data="claimReview"');
    expect(html).toContain('class="lines-table"');
    expect([...files.keys()].filter((name) => name.endsWith('.part.html'))).toEqual([]);
  });

  it('refuses a part that includes itself', () => {
    const parts: Record<string, string> = {
      'a.part.html': '<!-- include b.part.html -->',
      'b.part.html': '<!-- include a.part.html -->',
    };
    expect(() => withParts('<!-- include a.part.html -->', (name) => parts[name]!)).toThrow(
      'a.part.html → b.part.html → a.part.html',
    );
  });

  it('serves the business catalogue and the stations with Chinese and English names', () => {
    const catalog = JSON.parse(files.get('catalog.json')!.body.toString('utf8'));
    expect(catalog.businesses).toHaveLength(BUSINESS_CATALOG.length);
    expect(catalog.stations).toContainEqual({
      stationId: 'hall',
      name: '太白湖新区医保经办大厅',
      nameEn: 'District office hall',
    });
    expect(catalog.businesses[0]).toEqual({
      code: 'ENROLL_RESIDENT',
      name: '城乡居民参保登记',
      nameEn: 'Resident enrollment',
    });
  });

  it('has the same words in both languages', () => {
    const dictionaries: Record<string, Record<string, string>> = {};
    const window = { CircleDictionaries: dictionaries };
    for (const name of ['i18n.zh-CN.js', 'i18n.en.js'])
      new Function('window', files.get(name)!.body.toString('utf8'))(window);
    expect(Object.keys(dictionaries.en).sort()).toEqual(Object.keys(dictionaries['zh-CN']).sort());
  });
});
