import { DynamicModule, Module } from '@nestjs/common';
import {
  OUTBOX_RELAY_SETTINGS,
  OutboxRelayService,
  type OutboxRelaySettings,
} from './outbox-relay.service';

/**
 * `imports: [OutboxRelayModule.with()]` in the app that should relay; MetricsRegistry comes
 * from PlatformModule. Another name keeps its own checkpoint and lock (tests, a second cluster).
 */
@Module({})
export class OutboxRelayModule {
  static with(settings: Partial<OutboxRelaySettings> = {}): DynamicModule {
    return {
      module: OutboxRelayModule,
      providers: [
        {
          provide: OUTBOX_RELAY_SETTINGS,
          useValue: { name: 'outbox', startAt: 'beginning', ...settings },
        },
        OutboxRelayService,
      ],
      exports: [OutboxRelayService],
    };
  }
}
