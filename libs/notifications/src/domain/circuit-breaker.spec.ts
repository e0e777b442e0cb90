import { CircuitBreaker } from './circuit-breaker';

describe('CircuitBreaker', () => {
  const settings = { failures: 3, openMs: 10_000 };

  it('opens after the set number of failures in a row', () => {
    const breaker = new CircuitBreaker(settings);
    breaker.failed(0);
    breaker.failed(1);
    expect(breaker.allows(2)).toBe(true);
    breaker.failed(2);
    expect(breaker.state(3)).toBe('open');
    expect(breaker.allows(3)).toBe(false);
    expect(breaker.waitMs(3)).toBe(9_999);
  });

  it('forgets failures after a success', () => {
    const breaker = new CircuitBreaker(settings);
    breaker.failed(0);
    breaker.failed(1);
    breaker.succeeded();
    breaker.failed(2);
    expect(breaker.state(3)).toBe('closed');
  });

  it('lets one trial through when the wait is over and closes on its success', () => {
    const breaker = new CircuitBreaker(settings);
    [0, 1, 2].forEach((t) => breaker.failed(t));
    expect(breaker.state(10_002)).toBe('half-open');
    expect(breaker.allows(10_002)).toBe(true);
    expect(breaker.allows(10_003)).toBe(false);
    breaker.succeeded();
    expect(breaker.state(10_004)).toBe('closed');
  });

  it('opens again at once when the trial fails', () => {
    const breaker = new CircuitBreaker(settings);
    [0, 1, 2].forEach((t) => breaker.failed(t));
    expect(breaker.allows(10_002)).toBe(true);
    breaker.failed(10_005);
    expect(breaker.state(10_006)).toBe('open');
    expect(breaker.waitMs(10_006)).toBe(9_999);
  });
});
