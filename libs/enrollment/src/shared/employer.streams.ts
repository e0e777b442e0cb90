import { Injectable } from '@nestjs/common';
import {
  EventStore,
  type CommandContext,
  type EventStoreTransaction,
  type StoredEvent,
} from '@circle/event-store';
import {
  decideEmployer,
  employerStreamId,
  evolveEmployer,
  initialEmployerState,
  type EmployerEvent,
  type EmployerState,
  type RegisterEmployer,
} from '../domain';
import type { ActingStation } from '../domain/acting-station';

function evolveStored(state: EmployerState, event: StoredEvent): EmployerState {
  return event.type === 'enrollment.EmployerRegistered'
    ? evolveEmployer(state, event as StoredEvent & EmployerEvent)
    : state;
}

/** An employer's own stream (`employer-<credit code>`): its registration. */
@Injectable()
export class EmployerStreams {
  constructor(private readonly store: EventStore) {}

  async register(
    command: RegisterEmployer,
    context: CommandContext,
    station: ActingStation,
  ): Promise<EmployerState> {
    const metadata = {
      correlationId: context.correlationId,
      actor: context.principal.username,
      stationId: station.stationId,
    };
    const work = async (tx: EventStoreTransaction) => {
      const stream = await tx.aggregateStream(
        employerStreamId(command.creditCode),
        evolveStored,
        initialEmployerState(),
      );
      const appended = await stream.append(decideEmployer(command, stream.state), metadata);
      return { status: 201, body: appended.state };
    };
    if (!context.idempotency) return (await this.store.transaction(work)).body;
    return (await this.store.runIdempotent(context.idempotency, work)).answer.body;
  }

  async load(creditCode: string): Promise<EmployerState> {
    const loaded = await this.store.aggregateStream(
      employerStreamId(creditCode),
      evolveStored,
      initialEmployerState(),
    );
    return loaded.state;
  }
}
