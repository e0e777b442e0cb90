import { DynamicModule, Module } from '@nestjs/common';
import {
  NotificationsModule,
  loadNotificationSettings,
  type Clock,
  type NotificationSettings,
} from '@circle/notifications';
import { AppConfig, PlatformModule } from '@circle/platform';
import { WaitingTickets, WalkinsModule } from '@circle/walkins';

export interface NotifierOptions {
  readonly settings?: NotificationSettings;
  /** For tests that move the time (quiet hours). */
  readonly clock?: Clock;
}

@Module({})
export class NotifierModule {
  static with(config: AppConfig, options: NotifierOptions = {}): DynamicModule {
    return {
      module: NotifierModule,
      imports: [
        PlatformModule.forApp(config, { login: false }),
        NotificationsModule.worker(options.settings ?? loadNotificationSettings(), {
          places: { module: WalkinsModule.waitingTickets(), places: WaitingTickets },
          ...(options.clock ? { clock: options.clock } : {}),
        }),
      ],
    };
  }
}
