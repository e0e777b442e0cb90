import { DynamicModule, Module, Provider, Type } from '@nestjs/common';
import type { Pool } from 'pg';
import { APP_CONFIG, type AppConfig } from '@circle/platform';
import { SMS_CLOCK, systemClock, type Clock } from './clock';
import { ChangeRecipientController } from './http/change-recipient.http.controller';
import { QueueViewController } from './http/queue-view.http.controller';
import { ReadMessagesController } from './http/read-messages.http.controller';
import { ReadOutboxController } from './http/read-outbox.http.controller';
import { ReceiveCallbackController } from './http/receive-callback.http.controller';
import { BusinessEventsConsumer } from './kafka/business-events.consumer';
import { SmsMetrics } from './metrics/sms-metrics';
import { HttpGatewayProvider } from './providers/http-gateway.provider';
import { SandboxProvider } from './providers/sandbox.provider';
import { SMS_PROVIDER, type SmsProvider } from './providers/sms-provider';
import { SMS_QUEUE_PREFIX, smsQueuePrefix } from './queue/queue-prefix';
import { SmsQueues } from './queue/sms-queue';
import { QUEUE_PLACES, type QueuePlaces } from './queue-messages/queue-places';
import { OpenedNotices } from './queue-messages/opened-notices';
import { QueueMessages } from './queue-messages/queue-messages';
import { TurnNearWatch } from './queue-messages/turn-near-watch';
import { RequeueStrandedMessages } from './requeue-stranded/requeue-stranded-messages';
import { ProviderBreaker } from './send-message/provider-breaker';
import { SendMessage } from './send-message/send-message';
import { SmsWorker } from './send-message/sms-worker';
import { NOTIFICATION_SETTINGS, type NotificationSettings } from './settings/notification-settings';
import { MessageLedger } from './store/message-ledger';
import { SandboxOutbox } from './store/sandbox-outbox';
import { SmsMessages } from './store/sms-messages';
import { SMS_POOL, SmsPoolCloser, createSmsPool } from './store/sms-pool';
import { SmsRecipients } from './store/sms-recipients';

/**
 * Connections of the worker side. Statements are coalesced (store/coalescer.ts), so however many
 * jobs run at once the stores write a few statements side by side; the rest is the consumer's
 * batches and the sweep. The PostgreSQL server is shared by every process of the circle.
 */
const WORKER_CONNECTIONS = 8;

/** Where "your turn is near" learns the queue: a module and the class in it that answers. */
export interface QueuePlacesSource {
  readonly module: DynamicModule;
  readonly places: Type<QueuePlaces>;
}

export interface WorkerOptions {
  readonly places: QueuePlacesSource;
  readonly clock?: Clock;
}

function shared(settings: NotificationSettings, clock: Clock, poolSize: number): Provider[] {
  return [
    { provide: NOTIFICATION_SETTINGS, useValue: settings },
    { provide: SMS_CLOCK, useValue: clock },
    {
      provide: SMS_POOL,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => createSmsPool(config, poolSize),
    },
    SmsPoolCloser,
    {
      provide: SMS_QUEUE_PREFIX,
      inject: [SMS_POOL],
      useFactory: (db: Pool) => smsQueuePrefix(settings.queuePrefix, db),
    },
    SmsQueues,
    SmsMessages,
    MessageLedger,
    SmsRecipients,
    SandboxOutbox,
  ];
}

function provider(settings: NotificationSettings): Provider {
  return {
    provide: SMS_PROVIDER,
    inject: [SandboxOutbox, SMS_CLOCK],
    useFactory: (outbox: SandboxOutbox, clock: Clock): SmsProvider =>
      settings.http
        ? new HttpGatewayProvider(settings.http)
        : new SandboxProvider(outbox, clock, settings.sandboxLatencyMs),
  };
}

/**
 * SMS to residents. The notifier app runs `worker`: the Kafka consumer that queues messages,
 * the BullMQ worker that sends them, the sweep that requeues what Redis lost. The supervisor
 * runs `http`: the outbox, delivery status, opt-outs, gateway callbacks and the queue view.
 */
@Module({})
export class NotificationsModule {
  static worker(settings: NotificationSettings, options: WorkerOptions): DynamicModule {
    return {
      module: NotificationsModule,
      imports: [options.places.module],
      providers: [
        ...shared(settings, options.clock ?? systemClock, WORKER_CONNECTIONS),
        { provide: QUEUE_PLACES, useExisting: options.places.places },
        SmsMetrics,
        provider(settings),
        ProviderBreaker,
        SendMessage,
        SmsWorker,
        TurnNearWatch,
        OpenedNotices,
        QueueMessages,
        BusinessEventsConsumer,
        RequeueStrandedMessages,
      ],
    };
  }

  static http(settings: NotificationSettings, clock: Clock = systemClock): DynamicModule {
    return {
      module: NotificationsModule,
      controllers: [
        ReadOutboxController,
        ReadMessagesController,
        ChangeRecipientController,
        ReceiveCallbackController,
        QueueViewController,
      ],
      providers: shared(settings, clock, 3),
    };
  }
}
