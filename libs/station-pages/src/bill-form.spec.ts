import { RESIDENT_CATEGORIES } from '@circle/policy';
import { loadPageFiles } from './page-files';

/** The browser script runs here as it does in the page: a function of `window`. */
function loadForms() {
  const files = loadPageFiles();
  const window: Record<string, unknown> = {};
  const document = { addEventListener: () => undefined };
  new Function('window', 'document', files.get('bill-form.js')!.body.toString('utf8'))(
    window,
    document,
  );
  const dictionaries: Record<string, Record<string, string>> = {};
  for (const name of ['i18n.zh-CN.js', 'i18n.en.js'])
    new Function('window', files.get(name)!.body.toString('utf8'))({
      CircleDictionaries: dictionaries,
    });
  return { forms: window.CircleForms as Forms, dictionaries };
}

interface Forms {
  yuanToFen(text: string): { fen?: number; problem?: string };
  formatYuan(fen: number): string;
  residentIdProblem(raw: string, today: string): string | null;
  maskResidentId(id: string): string;
  shanghaiToday(now?: Date): string;
  shanghaiTime(iso: string): string;
  fieldProblems(
    error: unknown,
    fields: string[] | ((name: string) => boolean),
  ): Record<string, string>;
  keyKeeper(): (body: unknown) => string;
  CHOICES: Record<string, string[]>;
  NATIONAL_FIELDS: string[];
}

describe('bill form helpers', () => {
  const { forms, dictionaries } = loadForms();

  it.each([
    ['26000', 2_600_000],
    ['26000.5', 2_600_050],
    ['26000.05', 2_600_005],
    ['0.01', 1],
    ['0', 0],
    [' 12.30 ', 1_230],
    ['99999999999.99', 9_999_999_999_999],
    // 0.1 + 0.2 style sums never happen: 1.13 × 100 is 112.99999999999999 as a float.
    ['1.13', 113],
    ['4.35', 435],
  ])('reads %p yuan as %p fen, digit for digit', (typed, fen) => {
    expect(forms.yuanToFen(typed)).toEqual({ fen });
  });

  it.each([
    ['', 'required'],
    ['12.345', 'decimals'],
    ['-5', 'amount'],
    ['1e3', 'amount'],
    ['12,000', 'amount'],
    ['.5', 'amount'],
    ['123456789012', 'amount'],
  ])('refuses %p as %p', (typed, problem) => {
    expect(forms.yuanToFen(typed)).toEqual({ problem });
  });

  it('shows fen as yuan with two decimals and thousands separators', () => {
    expect(forms.formatYuan(2_600_050)).toBe('26,000.50');
    expect(forms.formatYuan(5)).toBe('0.05');
    expect(forms.formatYuan(0)).toBe('0.00');
    expect(forms.formatYuan(-1_999)).toBe('-19.99');
    expect(forms.formatYuan(9_007_199_254_740_991)).toBe('90,071,992,547,409.91');
  });

  it('checks resident IDs as GB 11643 does, in the order the API checks them', () => {
    const today = '2026-12-05';
    expect(forms.residentIdProblem('370811198504021239', today)).toBeNull();
    expect(forms.residentIdProblem('11010519491231002x', today)).toBeNull();
    expect(forms.residentIdProblem('37081119850402123', today)).toBe('idLength');
    expect(forms.residentIdProblem('37081119850402123Y', today)).toBe('idCharacters');
    expect(forms.residentIdProblem('370811198502301231', today)).toBe('idBirthDate');
    expect(forms.residentIdProblem('370811202712011234', today)).toBe('idBirthDate');
    expect(forms.residentIdProblem('370811198504021238', today)).toBe('idCheckDigit');
  });

  it('masks all but the last four characters of an ID', () => {
    expect(forms.maskResidentId('11010519491231002X')).toBe('**************002X');
  });

  it("takes today in Asia/Shanghai, whatever the browser's zone", () => {
    expect(forms.shanghaiToday(new Date('2026-12-04T20:59:00Z'))).toBe('2026-12-05');
    expect(forms.shanghaiToday(new Date('2026-12-04T15:59:00Z'))).toBe('2026-12-04');
  });

  it('shows API times in Asia/Shanghai, whether written in UTC or +08:00', () => {
    expect(forms.shanghaiTime('2026-12-18T15:59:59.999Z')).toBe('2026-12-18 23:59');
    expect(forms.shanghaiTime('2026-12-18T23:59:59.999+08:00')).toBe('2026-12-18 23:59');
    expect(forms.shanghaiTime('')).toBe('');
  });

  it("puts the API's refusals on the form's fields, yuan fields for fen", () => {
    const error = {
      fields: [
        { field: 'inScopeFen', problem: 'must not exceed totalFen' },
        { field: 'tier', problem: 'must be 2' },
        { field: 'Idempotency-Key', problem: 'reused' },
      ],
    };
    expect(forms.fieldProblems(error, ['total', 'inScope', 'tier'])).toEqual({
      inScope: 'must not exceed totalFen',
      tier: 'must be 2',
    });
  });

  it("names a claim line's money fields as the form does", () => {
    const error = {
      fields: [
        { field: 'lines[1].inScopeFen', problem: 'must not exceed lines[1].totalFen (100)' },
        { field: 'lines[0].totalFen', problem: 'must be a whole number of fen' },
        { field: 'attachments[0].reference', problem: 'must not be empty' },
      ],
    };
    expect(forms.fieldProblems(error, (name) => /^(lines|attachments)\[/.test(name))).toEqual({
      'lines[1].inScope': 'must not exceed lines[1].totalFen (100)',
      'lines[0].total': 'must be a whole number of fen',
      'attachments[0].reference': 'must not be empty',
    });
  });

  it('keeps one Idempotency-Key per body, a new one when the body changes', () => {
    const keyFor = forms.keyKeeper();
    const first = keyFor({ totalFen: 100 });
    expect(keyFor({ totalFen: 100 })).toBe(first);
    const second = keyFor({ totalFen: 101 });
    expect(second).not.toBe(first);
    expect(keyFor({ totalFen: 101 })).toBe(second);
  });

  it('has words in both languages for every choice a bill offers', () => {
    const keys = [
      ...RESIDENT_CATEGORIES.map((c) => `category.${c}`),
      ...forms.CHOICES.regions!.map((c) => `region.${c}`),
      ...forms.CHOICES.schemes!.map((c) => `scheme.${c}`),
      ...forms.CHOICES.settings!.map((c) => `setting.${c}`),
      ...forms.CHOICES.diseases!.map((c) => `disease.${c}`),
      ...forms.NATIONAL_FIELDS.map((c) => `national.${c}`),
    ];
    for (const lang of ['zh-CN', 'en'])
      expect(keys.filter((key) => !(key in dictionaries[lang]!))).toEqual([]);
  });
});
