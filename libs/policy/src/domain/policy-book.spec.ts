import shizhong2021Document from '../../policies/shizhong-zaozhuang-2021.json';
import taibai2021Document from '../../policies/taibai-lake-2021.json';
import taibai2022Document from '../../policies/taibai-lake-2022.json';
import type { Policy } from './policy';
import { PolicyBook } from './policy-book';
import { validatePolicyDocument } from './policy-schema';
import {
  DuplicatePolicyVersion,
  InvalidQuoteInput,
  NoPolicyInForce,
  OverlappingPolicies,
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
  effectiveTo?: string,
): Policy => ({ ...policy, version, effectiveFrom, effectiveTo });

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

  it('names region and date when no version is in force', () => {
    expect(() => book.forDate('taibai-lake', '2023-01-01')).toThrow(NoPolicyInForce);
    expect(() => book.forDate('taibai-lake', '2023-01-01')).toThrow(
      'no taibai-lake policy is in force on 2023-01-01',
    );
  });

  it('tells an unknown region, version or a malformed date apart', () => {
    expect(() => book.forDate('atlantis', '2022-01-01')).toThrow(UnknownRegion);
    expect(() => book.version('taibai-lake', '1999')).toThrow(UnknownPolicyVersion);
    expect(() => book.forDate('taibai-lake', '2022-13-01')).toThrow(InvalidQuoteInput);
  });

  it('serves an open-ended version for every later day', () => {
    const open = new PolicyBook([taibai2021, period(taibai2022, '2022', '2022-01-01')]);
    expect(open.forDate('taibai-lake', '2031-07-01').version).toBe('2022');
  });

  it('refuses overlapping periods of one region', () => {
    expect(
      () => new PolicyBook([taibai2022, period(taibai2021, '2021', '2021-01-01', '2022-01-01')]),
    ).toThrow(OverlappingPolicies);
    expect(() => new PolicyBook([period(taibai2021, '2021', '2021-01-01'), taibai2022])).toThrow(
      'taibai-lake policies taibai-lake@2021 and taibai-lake@2022 overlap',
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
