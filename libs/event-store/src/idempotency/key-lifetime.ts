/**
 * How long an answer stays kept for its Idempotency-Key. A day covers a client retrying across
 * a network outage or a counter's shift, and bounds what the table holds; a later repeat is a
 * new request. Overridden per deployment by IDEMPOTENCY_KEY_TTL_HOURS (AppConfig).
 */
export const DEFAULT_KEY_TTL_HOURS = 24;

// Deleting expired keys only keeps the table small: a key past its time is already treated as
// new wherever it is read, so the sweep may lag without changing any answer.
export const KEY_SWEEP_INTERVAL_MS = 60 * 60 * 1000;
