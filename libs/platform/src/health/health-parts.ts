import { Injectable } from '@nestjs/common';

export interface HealthReport {
  /** `degraded` still answers 200: the process serves, something it leans on is impaired. */
  readonly status: 'up' | 'degraded' | 'down';
  readonly details?: Readonly<Record<string, unknown>>;
}

/**
 * Parts of an app beyond its PostgreSQL, Redis and Kafka links that /health reports on (the
 * notifier's SMS provider, for one). A module adds its part when it starts.
 */
@Injectable()
export class HealthParts {
  private readonly parts = new Map<string, () => Promise<HealthReport> | HealthReport>();

  add(name: string, report: () => Promise<HealthReport> | HealthReport): void {
    this.parts.set(name, report);
  }

  entries(): [string, () => Promise<HealthReport> | HealthReport][] {
    return [...this.parts.entries()];
  }
}
