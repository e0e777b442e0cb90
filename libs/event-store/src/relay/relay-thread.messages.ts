import type { RelayStart } from './relay-checkpoint';

/** What the app hands its relay thread: plain data, since it crosses to another thread. */
export interface RelayThreadJob {
  readonly databaseUrl: string;
  readonly brokers: readonly string[];
  readonly clientId: string;
  readonly name: string;
  readonly startAt: RelayStart;
}

/** From the relay thread to the app: its state, its counts and its log lines. */
export type RelayThreadReport =
  | { readonly kind: 'leading'; readonly leading: boolean }
  | { readonly kind: 'relayed'; readonly topic: string; readonly count: number }
  | { readonly kind: 'lag'; readonly seconds: number }
  | { readonly kind: 'log'; readonly level: 'log' | 'warn' | 'error'; readonly message: string }
  | { readonly kind: 'stopped' };

/** From the app to the relay thread. */
export type RelayThreadOrder = { readonly kind: 'stop' };
