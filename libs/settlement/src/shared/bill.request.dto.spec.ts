import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { QuoteBillRequest, SettleBillRequest } from './bill.request.dto';

const bill = {
  region: 'taibai-lake',
  date: '2022-06-01',
  scheme: 'resident',
  insuredCategory: 'general',
  setting: 'inpatient',
  tier: 2,
  totalFen: 3_000_000,
  inScopeFen: 2_600_000,
};

const problems = (type: new () => object, body: object) =>
  validateSync(plainToInstance(type, body), { whitelist: true, forbidNonWhitelisted: true }).map(
    (e) => e.property,
  );

describe('bill requests', () => {
  it('a settlement needs the resident (a quote does not)', () => {
    expect(problems(SettleBillRequest, { ...bill, admissionId: 'ZY-1' })).toEqual(['residentId']);
    expect(problems(QuoteBillRequest, bill)).toEqual([]);
  });

  it('both check a resident ID when one is given', () => {
    const residentId = 'not-an-id';
    expect(problems(QuoteBillRequest, { ...bill, residentId })).toEqual(['residentId']);
    expect(problems(SettleBillRequest, { ...bill, residentId, admissionId: 'ZY-1' })).toEqual([
      'residentId',
    ]);
  });
});
