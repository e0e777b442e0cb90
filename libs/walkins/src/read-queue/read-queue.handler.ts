import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Clock } from '../clock';
import type { CounterEntry } from '../domain/queue-view';
import { waitingInCallOrder } from '../domain/queue-view';
import { queueDayOf } from '../domain/queue-day';
import { averageServiceSeconds } from '../domain/wait-estimate';
import type { WalkinsSettings } from '../domain/walkins-settings';
import { WalkinsReadModel } from '../read-side/walkins-read-model';
import { WALKINS_SETTINGS } from '../walkins.config';
import type { QueueReading } from './queue-reading';
import { ReadQueueQuery } from './read-queue.query';

/** The supervisor's queue: the read model's waiting tickets put in call order by the domain. */
@QueryHandler(ReadQueueQuery)
export class ReadQueueHandler implements IQueryHandler<ReadQueueQuery> {
  constructor(
    private readonly model: WalkinsReadModel,
    private readonly clock: Clock,
    @Inject(WALKINS_SETTINGS) private readonly settings: WalkinsSettings,
  ) {}

  async execute({ stationId }: ReadQueueQuery): Promise<QueueReading> {
    const station = await this.model.station(stationId);
    const day = queueDayOf(this.clock.now());
    const [counterRows, waitingRows, priorityStreak, samples] = await Promise.all([
      this.model.counters(stationId, day),
      this.model.waiting(stationId, day),
      this.model.priorityStreak(stationId, day),
      this.model.serviceSeconds(stationId, day, this.settings.serviceWindow),
    ]);
    const counters: CounterEntry[] = counterRows.map((c) => ({
      counterId: c.counter_id,
      status: c.status,
      skills: c.skills,
      busy: c.current_ticket_id !== null,
      ...(c.current_ticket_id
        ? {
            currentTicket: {
              ticketId: c.current_ticket_id,
              number: c.current_number ?? '',
              status: c.current_status ?? '',
            },
          }
        : {}),
    }));
    const waiting = waitingInCallOrder({
      waiting: waitingRows.map((w) => ({
        ticketId: w.ticket_id,
        serial: w.serial,
        number: w.number,
        business: w.business,
        priorityClass: w.priority_class,
        arrivedAt: w.arrived_at.toISOString(),
        ...(w.reserved_counter_id ? { reservedCounterId: w.reserved_counter_id } : {}),
        ...(w.transferred_from ? { transferredFrom: w.transferred_from } : {}),
      })),
      priorityStreak,
      fairnessRatio: station.fairness_ratio,
      counters,
      averageSeconds: (b) => averageServiceSeconds(samples[b], this.settings),
    });
    return { stationId, day, waiting, counters, priorityStreak };
  }
}
