import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { Redis } from 'ioredis';
import { Public } from '../auth/public.decorator';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { probeKafka } from '../kafka/kafka-probe';
import { REDIS } from '../redis/redis.module';
import { HealthParts } from './health-parts';

const TIMEOUT_MS = 1500;

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly typeorm: TypeOrmHealthIndicator,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly parts: HealthParts,
  ) {}

  @Public()
  @Get()
  @HealthCheck()
  check() {
    return this.health.check([
      () => this.typeorm.pingCheck('postgresql').withTimeout(TIMEOUT_MS),
      () =>
        this.indicators
          .check('redis')
          .attempt(async () => {
            await this.redis.ping();
          })
          .withTimeout(TIMEOUT_MS),
      () =>
        this.indicators
          .check('kafka')
          .attempt(async () => ({
            brokers: await probeKafka(this.config.kafkaBrokers, TIMEOUT_MS),
          }))
          .withTimeout(TIMEOUT_MS + 500),
      ...this.parts.entries().map(([name, report]) => async () => {
        const { status, details = {} } = await report();
        const part = this.indicators.check(name);
        if (status === 'up') return part.up({ ...details });
        return status === 'degraded' ? part.degraded({ ...details }) : part.down({ ...details });
      }),
    ]);
  }
}
