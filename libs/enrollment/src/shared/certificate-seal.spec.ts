import type { AppConfig } from '@circle/platform';
import type { CertificateFacts } from '../domain/certificate/coverage-certificate';
import { CertificateSeal } from './certificate-seal';

const facts: CertificateFacts = {
  residentId: '11010519491231002X',
  name: '赵秀英',
  year: 2026,
  scheme: 'resident',
  status: 'active',
  region: 'taibai-lake',
  issuedOn: '2026-12-05',
  stationId: 'town-1',
};
const sealWith = (jwtSecret: string) => new CertificateSeal({ jwtSecret } as AppConfig);

describe('certificate seal', () => {
  const seal = sealWith('district-secret-0123456789');

  it('matches the code it issued, however it is retyped', () => {
    const code = seal.code(facts);
    expect(seal.matches(facts, code)).toBe(true);
    expect(seal.matches(facts, ` ${code.toLowerCase().replace(/-/g, ' ')} `)).toBe(true);
  });

  it('refuses a code for other facts, a truncated code and another secret', () => {
    const code = seal.code(facts);
    expect(seal.matches({ ...facts, status: 'awaiting-payment' }, code)).toBe(false);
    expect(seal.matches(facts, code.slice(0, -1))).toBe(false);
    expect(seal.matches(facts, '')).toBe(false);
    expect(sealWith('another-secret-0123456789').matches(facts, code)).toBe(false);
  });
});
