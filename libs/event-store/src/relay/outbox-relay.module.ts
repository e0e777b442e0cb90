import { Module } from '@nestjs/common';
import { OutboxRelayService } from './outbox-relay.service';

/** Import into the app that should relay; MetricsRegistry comes from PlatformModule. */
@Module({ providers: [OutboxRelayService] })
export class OutboxRelayModule {}
