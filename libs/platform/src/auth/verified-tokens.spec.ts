import { VerifiedTokens } from './verified-tokens';

const clerk = { username: 'clerk-town-1', role: 'clerk' as const, stationId: 'town-1' };

describe('VerifiedTokens', () => {
  it('knows a checked token until it expires, then forgets it', () => {
    const tokens = new VerifiedTokens();
    tokens.keep('a.b.c', clerk, 1_000);
    expect(tokens.principalOf('a.b.c', 999_999)).toEqual(clerk);
    expect(tokens.principalOf('a.b.d', 999_999)).toBeUndefined();
    expect(tokens.principalOf('a.b.c', 1_000_000)).toBeUndefined();
    expect(tokens.principalOf('a.b.c', 0)).toBeUndefined();
  });

  it('never keeps a token without an expiry', () => {
    const tokens = new VerifiedTokens();
    tokens.keep('a.b.c', clerk, undefined);
    expect(tokens.principalOf('a.b.c', 0)).toBeUndefined();
  });

  it('lets the oldest go first when full', () => {
    const tokens = new VerifiedTokens();
    for (let i = 0; i <= 2_000; i++) tokens.keep(`t${i}`, clerk, 10);
    expect(tokens.principalOf('t0', 0)).toBeUndefined();
    expect(tokens.principalOf('t1', 0)).toEqual(clerk);
    expect(tokens.principalOf('t2000', 0)).toEqual(clerk);
  });
});
