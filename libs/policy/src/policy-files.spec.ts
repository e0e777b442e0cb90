import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { policyVersionId } from './domain/policy';
import { PolicyContentChanged, PolicyFileError } from './domain/policy.errors';
import { defaultPolicyFolder, loadPolicyBook, readPolicyFiles } from './policy-files';

const realFolder = join(__dirname, '..', 'policies');

describe('policy files', () => {
  let scratch: string;
  beforeEach(() => (scratch = mkdtempSync(join(tmpdir(), 'policies-'))));
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  it('finds the repository folder from any folder inside the repository', () => {
    expect(defaultPolicyFolder(__dirname)).toBe(realFolder);
    expect(defaultPolicyFolder(join(__dirname, '..', '..', '..'))).toBe(realFolder);
  });

  it('reads and validates every real file', () => {
    expect(readPolicyFiles(realFolder).map(policyVersionId)).toEqual([
      expect.stringMatching(/^shizhong-zaozhuang@2020#[0-9a-f]{12}$/),
      expect.stringMatching(/^shizhong-zaozhuang@2021#[0-9a-f]{12}$/),
      expect.stringMatching(/^taibai-lake@2021#[0-9a-f]{12}$/),
      expect.stringMatching(/^taibai-lake@2022#[0-9a-f]{12}$/),
    ]);
  });

  it('pins the content: any edit changes the id, re-indenting does not', () => {
    const original = readFileSync(join(realFolder, 'taibai-lake-2022.json'), 'utf8');
    const file = join(scratch, 'taibai-lake-2022.json');
    const idOf = () => policyVersionId(readPolicyFiles(scratch)[0]);
    writeFileSync(file, original);
    const cited = idOf();
    writeFileSync(file, JSON.stringify(JSON.parse(original)));
    expect(idOf()).toBe(cited);
    const doc = JSON.parse(original) as { contributions: { subsidyFen: { value: number } } };
    doc.contributions.subsidyFen.value += 100;
    writeFileSync(file, JSON.stringify(doc, null, 2));
    expect(idOf()).not.toBe(cited);
    expect(idOf()).toMatch(/^taibai-lake@2022#/);
    expect(() => loadPolicyBook(scratch).version('taibai-lake', cited)).toThrow(
      PolicyContentChanged,
    );
  });

  it('builds the book the apps use', () => {
    const book = loadPolicyBook(realFolder);
    expect(book.forDate('taibai-lake', '2022-06-01').inpatient.tiers[2].fundShareBps.value).toBe(
      7500,
    );
    expect(book.forDate('shizhong-zaozhuang', '2020-12-31').version).toBe('2020');
  });

  it('names the bad file and field', () => {
    const doc = JSON.parse(readFileSync(join(realFolder, 'taibai-lake-2022.json'), 'utf8')) as {
      inpatient: { tiers: Record<string, { fundShareBps: { value: number } }> };
    };
    doc.inpatient.tiers['2'].fundShareBps.value = 7400;
    writeFileSync(join(scratch, 'taibai-lake-2022.json'), JSON.stringify(doc));
    expect(() => readPolicyFiles(scratch)).not.toThrow();
    doc.inpatient.tiers['2'].fundShareBps.value = 75;
    writeFileSync(join(scratch, 'taibai-lake-2022.json'), JSON.stringify(doc));
    expect(() => loadPolicyBook(scratch)).toThrow(
      'taibai-lake-2022.json: inpatient.tiers.2.fundShareBps must be in basis points',
    );
    doc.inpatient.tiers['2'].fundShareBps.value = 0.75;
    writeFileSync(join(scratch, 'taibai-lake-2022.json'), JSON.stringify(doc));
    expect(() => loadPolicyBook(scratch)).toThrow(
      'taibai-lake-2022.json: inpatient.tiers.2.fundShareBps must be an integer between 0 and 10000',
    );
  });

  it('names a file that is not JSON', () => {
    writeFileSync(join(scratch, 'broken.json'), '{ "region": ');
    expect(() => readPolicyFiles(scratch)).toThrow(PolicyFileError);
    expect(() => readPolicyFiles(scratch)).toThrow(/^broken\.json: is not valid JSON/);
  });

  it('refuses an empty folder rather than starting with no policy', () => {
    writeFileSync(join(scratch, 'README.txt'), 'not a policy');
    expect(() => readPolicyFiles(scratch)).toThrow('no policy files');
  });
});
