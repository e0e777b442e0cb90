import shizhong2021Document from '../../policies/shizhong-zaozhuang-2021.json';
import taibai2021Document from '../../policies/taibai-lake-2021.json';
import taibai2022Document from '../../policies/taibai-lake-2022.json';
import { policyVersionId, type Policy } from './policy';
import { carriedForwardWarning, PolicyBook } from './policy-book';
import { validatePolicyDocument } from './policy-schema';
import {
  DuplicatePolicyVersion,
  InvalidQuoteInput,
  NoPolicyInForce,
  OverlappingPolicies,
  PolicyContentChanged,
  UnknownPolicyVersion,
  UnknownRegion,
} from './policy.errors';

const taibai2021 = validatePolicyDocument(taibai2021Document, 'taibai-lake-2021.json');
const taibai2022 = validatePolicyDocument(taibai2022Document, 'taibai-lake-2022.json');
const shizhong2021 = validatePolicyDocument(shizhong2021Document, 'shizhong-zaozhuang-2021.json');
const period = (
  policy: Policy,
  version: string,
  effectiveFrom: string,
  periodEnd?: string,
): Policy => ({ ...policy, version, effectiveFrom, periodEnd });
const HASHED_ID = /^taibai-lake@2022#[0-9a-f]{12}$/;

describe('PolicyBook', () => {
  const book = new PolicyBook([taibai2022, shizhong2021, taibai2021]);

  it('finds the version in force on a day, including the first and last days', () => {
    expect(book.forDate('taibai-lake', '2022-06-01').version).toBe('2022');
    expect(book.forDate('taibai-lake', '2022-01-01').version).toBe('2022');
    expect(book.forDate('taibai-lake', '2021-12-31').version).toBe('2021');
    expect(book.forDate('shizhong-zaozhuang', '2021-03-25').version).toBe('2021');
  });

  it('lists regions and versions oldest first', () => {
    expect(book.regions()).toEqual(['shizhong-zaozhuang', 'taibai-lake']);
    expect(book.versions('taibai-lake').map((p) => p.version)).toEqual(['2021', '2022']);
    expect(book.version('taibai-lake', '2021')).toBe(taibai2021);
  });

  describe('carrying a version forward', () => {
    it('keeps the last version in force after its own period, until a later one', () => {
      expect(book.forDate('taibai-lake', '2023-01-01').version).toBe('2022');
      expect(book.forDate('taibai-lake', '2026-12-04').version).toBe('2022');
      expect(book.forDate('shizhong-zaozhuang', '2026-12-04').version).toBe('2021');
    });

    it('lets a later version end the carrying forward', () => {
      const taibai2025 = period(taibai2022, '2025', '2025-01-01', '2025-12-31');
      const later = new PolicyBook([taibai2021, taibai2022, taibai2025]);
      expect(later.forDate('taibai-lake', '2024-12-31').version).toBe('2022');
      expect(later.forDate('taibai-lake', '2025-01-01').version).toBe('2025');
    });

    it('answers within the period with no warning', () => {
      const inForce = book.inForce('taibai-lake', '2022-12-31');
      expect(inForce.policy).toBe(taibai2022);
      expect(inForce.versionId).toMatch(HASHED_ID);
      expect(inForce.warning).toBeNull();
    });

    it('warns, naming the pinned version, on every day past the period', () => {
      const inForce = book.inForce('taibai-lake', '2023-01-01');
      expect(inForce.warning).toEqual({
        code: 'policy_carried_forward',
        policyVersion: inForce.versionId,
        message: expect.stringContaining('2022-01-01 to 2022-12-31'),
        messageZh: expect.stringContaining('继续沿用'),
      });
      expect(book.inForce('taibai-lake', '2026-12-04').warning?.message).toContain('2026-12-04');
    });

    it('never warns for a notice that names no end', () => {
      const open = period(taibai2022, '2022', '2022-01-01');
      expect(carriedForwardWarning(open, '2031-07-01')).toBeNull();
    });

    it('still refuses a day before the region first had a policy, naming date', () => {
      expect(() => book.forDate('taibai-lake', '2020-12-31')).toThrow(NoPolicyInForce);
      expect(() => book.inForce('taibai-lake', '2020-12-31')).toThrow(
        expect.objectContaining({
          fields: [{ field: 'date', problem: 'no taibai-lake policy is in force on 2020-12-31' }],
        }),
      );
    });

    it('lists the regions running on a carried-forward version today', () => {
      expect(book.carriedForwardRegions('2026-12-04')).toEqual([
        {
          region: 'shizhong-zaozhuang',
          policyVersion: policyVersionId(shizhong2021),
          ownPeriodEnd: '2021-12-31',
          since: '2022-01-01',
        },
        {
          region: 'taibai-lake',
          policyVersion: policyVersionId(taibai2022),
          ownPeriodEnd: '2022-12-31',
          since: '2023-01-01',
        },
      ]);
      expect(book.carriedForwardRegions('2022-06-01')).toEqual([
        expect.objectContaining({ region: 'shizhong-zaozhuang', since: '2022-01-01' }),
      ]);
      expect(book.carriedForwardRegions('2020-06-01')).toEqual([]);
    });
  });

  describe('pinned version ids', () => {
    it('cites region, version and the hash of the content', () => {
      expect(policyVersionId(taibai2022)).toBe(`taibai-lake@2022#${taibai2022.contentHash}`);
      expect(taibai2022.contentHash).toMatch(/^[0-9a-f]{12}$/);
    });

    it('re-reads a version by its full id, or by a citation from before ids were pinned', () => {
      expect(book.version('taibai-lake', policyVersionId(taibai2022))).toBe(taibai2022);
      expect(book.version('taibai-lake', 'taibai-lake@2022')).toBe(taibai2022);
    });

    it('refuses an id whose hash differs from the file on record', () => {
      const cited = `taibai-lake@2022#${'0'.repeat(12)}`;
      expect(() => book.version('taibai-lake', cited)).toThrow(PolicyContentChanged);
      expect(() => book.version('taibai-lake', cited)).toThrow(policyVersionId(taibai2022));
    });

    it('refuses an id of another region or a malformed one as an unknown version', () => {
      const other = policyVersionId(shizhong2021);
      expect(() => book.version('taibai-lake', other)).toThrow(UnknownPolicyVersion);
      expect(() => book.version('taibai-lake', 'taibai-lake@2022#xyz')).toThrow(
        UnknownPolicyVersion,
      );
    });
  });

  it('tells an unknown region, version or a malformed date apart', () => {
    expect(() => book.forDate('atlantis', '2022-01-01')).toThrow(UnknownRegion);
    expect(() => book.version('taibai-lake', '1999')).toThrow(UnknownPolicyVersion);
    expect(() => book.forDate('taibai-lake', '2022-13-01')).toThrow(InvalidQuoteInput);
  });

  it('lets a mid-period notice supersede the rest of the earlier period', () => {
    const july = period(taibai2022, '2022-07', '2022-07-01', '2022-12-31');
    const split = new PolicyBook([taibai2022, july]);
    expect(split.forDate('taibai-lake', '2022-06-30').version).toBe('2022');
    expect(split.forDate('taibai-lake', '2022-07-01').version).toBe('2022-07');
  });

  it('refuses two versions of one region taking effect on the same day', () => {
    expect(() => new PolicyBook([taibai2022, period(taibai2021, '2021', '2022-01-01')])).toThrow(
      OverlappingPolicies,
    );
  });

  it('refuses two versions with the same name', () => {
    expect(
      () => new PolicyBook([taibai2021, period(taibai2022, '2021', '2022-01-01', '2022-12-31')]),
    ).toThrow(DuplicatePolicyVersion);
  });

  it('lets regions share dates', () => {
    expect(
      () => new PolicyBook([taibai2021, period(shizhong2021, '2021', '2021-01-01', '2021-12-31')]),
    ).not.toThrow();
  });
});
