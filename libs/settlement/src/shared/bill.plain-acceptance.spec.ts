import 'reflect-metadata';
import fc from 'fast-check';
import { ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { CLASS_VALIDATION, plainlyAccepted } from '@circle/platform';
import { QuoteBillRequest, ReverseSettlementRequest, SettleBillRequest } from './bill.request.dto';

const classValidator = new ValidationPipe(CLASS_VALIDATION);

async function classValidatorSays(dto: new () => object, body: unknown) {
  const metadata: ArgumentMetadata = { type: 'body', metatype: dto, data: '' };
  try {
    return { accepted: true, value: (await classValidator.transform(body, metadata)) as object };
  } catch {
    return { accepted: false, value: undefined };
  }
}

const valid = fc.record({
  residentId: fc.stringMatching(/^\d{17}[\dX]$/),
  admissionId: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/),
  region: fc.constantFrom('taibai-lake', 'shizhong', 'x'),
  date: fc.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
  scheme: fc.constantFrom('resident', 'employee'),
  insuredCategory: fc.constantFrom('general', 'minor', 'elderly', 'rural-single-daughter'),
  setting: fc.constantFrom('inpatient', 'outpatient', 'chronic-outpatient', 'specific-drug'),
  tier: fc.constantFrom(1, 2, 3),
  totalFen: fc.integer({ min: 0, max: 2 ** 31 }),
  inScopeFen: fc.integer({ min: 0, max: 2 ** 31 }),
});

/** Anything a client might put in a field, right or wrong. */
const anyValue = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 70 }),
  fc.integer(),
  fc.double(),
  fc.constantFrom(-1, 0, 1, 2, 3, 4, 1.5, 9_000_000_000_000, 9_000_000_000_001, NaN, Infinity),
  fc.constantFrom(null, true, false, '', 'taibai-lake', '2026-12-07', 'Taibai', 'a'.repeat(65)),
  fc.constant([]),
  fc.constant({}),
);
const FIELDS = [
  'residentId',
  'admissionId',
  'region',
  'date',
  'scheme',
  'insuredCategory',
  'setting',
  'tier',
  'totalFen',
  'inScopeFen',
  'disease',
  'reason',
  'other',
];

/** A valid body with some fields changed, dropped or added. */
const body = fc
  .tuple(
    valid,
    fc.array(fc.tuple(fc.constantFrom(...FIELDS), anyValue), { maxLength: 3 }),
    fc.array(fc.constantFrom(...FIELDS), { maxLength: 2 }),
  )
  .map(([base, changed, dropped]) => {
    const b = Object.entries({ ...base, ...Object.fromEntries(changed) });
    return Object.fromEntries(b.filter(([field]) => !dropped.includes(field)));
  });

describe('plainlyAccepted, beside class-validator', () => {
  it.each([
    ['SettleBillRequest', SettleBillRequest],
    ['QuoteBillRequest', QuoteBillRequest],
    ['ReverseSettlementRequest', ReverseSettlementRequest],
  ])('accepts a %s body only when class-validator does, as the same instance', async (_, dto) => {
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const plain = plainlyAccepted(dto, b);
        if (!plain) return;
        const full = await classValidatorSays(dto, b);
        expect(full.accepted).toBe(true);
        expect(Object.getPrototypeOf(plain)).toBe(dto.prototype);
        expect({ ...plain }).toStrictEqual({ ...full.value });
      }),
      { numRuns: 1_500 },
    );
  });

  it('accepts every right settlement and quote plainly, so class-validator is seldom run', () => {
    fc.assert(
      fc.property(valid, (b) => {
        expect(plainlyAccepted(SettleBillRequest, b)).toBeInstanceOf(SettleBillRequest);
        const anonymous = { ...b, admissionId: undefined, residentId: undefined };
        expect(plainlyAccepted(QuoteBillRequest, anonymous)).toBeInstanceOf(QuoteBillRequest);
      }),
    );
    expect(plainlyAccepted(ReverseSettlementRequest, { reason: 'typed twice' })).toBeDefined();
  });

  it('leaves any refusal to class-validator, which names the field', () => {
    const right = { residentId: '370811198706230004', admissionId: 'ZY-1', region: 'taibai-lake' };
    const bill = { date: '2026-12-07', scheme: 'resident', insuredCategory: 'general' };
    const ok = { ...right, ...bill, setting: 'inpatient', tier: 2, totalFen: 10, inScopeFen: 5 };
    expect(plainlyAccepted(SettleBillRequest, ok)).toBeDefined();
    for (const wrong of [
      { ...ok, tier: 4 },
      { ...ok, totalFen: 1.5 },
      { ...ok, totalFen: '10' },
      { ...ok, extra: 1 },
      { ...ok, disease: { code: 'x' } },
      { ...ok, admissionId: 'Z'.repeat(65) },
      { ...ok, residentId: undefined },
    ])
      expect(plainlyAccepted(SettleBillRequest, wrong)).toBeUndefined();
    expect(plainlyAccepted(SettleBillRequest, [ok])).toBeUndefined();
  });
});
