import { createHmac } from 'node:crypto';
import {
  canonicalFacts,
  certificateCode,
  normalCode,
  type CertificateFacts,
} from './coverage-certificate';

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
const seal = (f: CertificateFacts) => createHmac('sha256', 'k').update(canonicalFacts(f)).digest();

describe('coverage certificate code', () => {
  it('is sixteen base32 characters in four groups, without I, L, O or U', () => {
    expect(certificateCode(seal(facts))).toMatch(
      /^([0-9A-HJKMNP-TV-Z]{4}-){3}[0-9A-HJKMNP-TV-Z]{4}$/,
    );
  });

  it('changes with any fact', () => {
    const code = certificateCode(seal(facts));
    for (const changed of [
      { ...facts, name: '赵秀' },
      { ...facts, year: 2025 },
      { ...facts, status: 'awaiting-payment' as const },
      { ...facts, stationId: 'town-2' },
    ])
      expect(certificateCode(seal(changed))).not.toBe(code);
  });

  it('cannot be shifted from one fact into the next', () => {
    const a = canonicalFacts({ ...facts, name: 'a', region: 'b' });
    const b = canonicalFacts({ ...facts, name: 'a\nb', region: '' });
    expect(a).not.toBe(b);
  });

  it('reads a retyped code as printed', () => {
    expect(normalCode(' 7k2m 9qxd-a4tr-obhc ')).toBe('7K2M-9QXD-A4TR-0BHC');
    expect(normalCode('il11-0000-0000-0000')).toBe('1111-0000-0000-0000');
    expect(normalCode('short')).toBe('SH0RT');
  });
});
