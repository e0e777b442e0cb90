import { Injectable } from '@nestjs/common';

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The time a command is recorded at; a class so tests and scripts may replace it. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }

  /** Now, written in Asia/Shanghai as the contract's dates are: 2022-06-01T09:30:00.000+08:00. */
  shanghaiNow(): string {
    return new Date(this.now().getTime() + SHANGHAI_OFFSET_MS).toISOString().replace('Z', '+08:00');
  }

  shanghaiToday(): string {
    return this.shanghaiNow().slice(0, 10);
  }
}
