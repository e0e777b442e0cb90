import { Inject, Injectable } from '@nestjs/common';
import { EventStore } from '@circle/event-store';
import { DEMO_DISTRICT } from '@circle/stations';
import type { StationCommand } from '../../../stations/src/domain/station';
import { decideStation } from '../../../stations/src/domain/station';
import { StationNotFound } from '../../../stations/src/domain/station.errors';
import {
  STATION_EVENT_TYPES,
  StationEvent,
  stationStreamId,
} from '../../../stations/src/domain/station.events';
import {
  Station,
  StationState,
  evolveStation,
  initialStationState,
} from '../../../stations/src/domain/station.state';
import type { CommandAnswer } from '@circle/event-store';
import { CommandContext, EventStream } from '../streams/event-stream';
import { SERVED_STATION_KINDS, ServedStationKinds } from './served-station-kinds';

const STATION_MAX_AGE_MS = 1000;

/** Every station's configuration and counters, folded from its own stream. */
@Injectable()
export class StationBook {
  private readonly streams: EventStream<StationState, StationEvent>;

  constructor(
    store: EventStore,
    @Inject(SERVED_STATION_KINDS) private readonly served: ServedStationKinds,
  ) {
    this.streams = new EventStream(store, {
      name: 'station',
      initial: initialStationState,
      evolve: evolveStation,
      types: STATION_EVENT_TYPES,
    });
  }

  /**
   * A station this app serves (any station on the read side); 404 otherwise. Only the app that
   * serves a station writes its stream, so a second-old copy is good enough for every command;
   * a change from elsewhere shows within that second.
   */
  async station(stationId: string): Promise<Station> {
    const { state } = await this.streams.recent(stationStreamId(stationId), STATION_MAX_AGE_MS);
    if (!state || (this.served !== 'all' && !this.served.includes(state.kind)))
      throw new StationNotFound(stationId);
    return state;
  }

  /** Any registered station, served here or not: a transfer's destination. */
  async anyStation(stationId: string): Promise<Station> {
    const { state } = await this.streams.current(stationStreamId(stationId));
    if (!state) throw new StationNotFound(stationId);
    return state;
  }

  /** The whole district as registered; the demo list names the streams to look in. */
  async district(): Promise<Station[]> {
    const states = await Promise.all(
      DEMO_DISTRICT.map((s) => this.streams.current(stationStreamId(s.stationId))),
    );
    return states.flatMap((s) => (s.state ? [s.state] : []));
  }

  /** The registered stations whose queues this app keeps. */
  async servedStations(): Promise<Station[]> {
    const district = await this.district();
    return district.filter((s) => this.served === 'all' || this.served.includes(s.kind));
  }

  async execute(
    stationId: string,
    command: StationCommand,
    context: CommandContext,
    answer: (station: Station) => CommandAnswer,
  ): Promise<CommandAnswer> {
    await this.station(stationId);
    return this.streams.execute(
      stationStreamId(stationId),
      (state) => ({
        events: decideStation(stationId, command, state),
        answer: (after) => {
          if (!after) throw new StationNotFound(stationId);
          return answer(after);
        },
      }),
      context,
    );
  }
}
