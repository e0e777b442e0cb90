/** Where the notifier reads the time; tests put a clock of their own here (quiet hours). */
export interface Clock {
  now(): Date;
}

export const SMS_CLOCK = Symbol('SMS_CLOCK');

export const systemClock: Clock = { now: () => new Date() };
