import { coverageOf } from '../domain';
import { enroll, fold, pay, person, POLICIES, when } from '../testing/given-person';
import { toFhirCoverage } from './fhir-coverage';

describe('toFhirCoverage', () => {
  const id = person('1985-04-02');
  const enrolled = when([], enroll(id));
  const at = '2022-02-01T09:00:00+08:00';

  it('is a draft Coverage until paid, then active for the calendar year', () => {
    const unpaid = coverageOf(fold(enrolled), null, at, POLICIES)!;
    expect(toFhirCoverage(unpaid)).toMatchObject({
      resourceType: 'Coverage',
      id: `${id.id}-2022`,
      status: 'draft',
      subscriberId: id.id,
      beneficiary: { identifier: { value: id.id }, display: '王**' },
      relationship: { coding: [{ code: 'self' }] },
      period: { start: '2022-01-01', end: '2022-12-31' },
      payor: [expect.objectContaining({ display: expect.stringContaining('taibai-lake') })],
    });
    const paid = [...enrolled, ...when(enrolled, pay(2022, 32_000))];
    const resource = toFhirCoverage(coverageOf(fold(paid), null, at, POLICIES)!);
    expect(resource.status).toBe('active');
    expect(resource.costToBeneficiary).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          valueMoney: expect.objectContaining({ value: 320, currency: 'CNY' }),
        }),
      ]),
    );
  });
});
