import { VerifiedTokens } from './verified-tokens';

const clerk = {
  principal: { username: 'clerk-town-1', role: 'clerk' as const, stationId: 'town-1' },
  generation: 0,
};

describe('VerifiedTokens', () => {
  it('knows a checked token until it expires, then forgets it', () => {
    const tokens = new VerifiedTokens();
    tokens.keep('a.b.c', clerk, 1_000);
    expect(tokens.verifiedAs('a.b.c', 999_999)).toMatchObject(clerk);
    expect(tokens.verifiedAs('a.b.d', 999_999)).toBeUndefined();
    expect(tokens.verifiedAs('a.b.c', 1_000_000)).toBeUndefined();
    expect(tokens.verifiedAs('a.b.c', 0)).toBeUndefined();
  });

  it('never keeps a token without an expiry', () => {
    const tokens = new VerifiedTokens();
    tokens.keep('a.b.c', clerk, undefined);
    expect(tokens.verifiedAs('a.b.c', 0)).toBeUndefined();
  });

  it('lets the oldest go first when full', () => {
    const tokens = new VerifiedTokens();
    for (let i = 0; i <= 2_000; i++) tokens.keep(`t${i}`, clerk, 10);
    expect(tokens.verifiedAs('t0', 0)).toBeUndefined();
    expect(tokens.verifiedAs('t1', 0)).toMatchObject(clerk);
    expect(tokens.verifiedAs('t2000', 0)).toMatchObject(clerk);
  });
});
