/** What every event carries besides its data (CONTRACT: correlation, causation, actor, station). */
export interface EventMetadata {
  readonly correlationId: string;
  readonly causationId?: string;
  readonly actor: string;
  readonly stationId?: string;
}

/** An event the domain decided: a past-tense fact with its schema version. */
export interface NewEvent<Data = unknown> {
  /** `<context>.<EventName>`, e.g. `walkins.TicketIssued`. */
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: Data;
  /**
   * Set when one append carries several people's commands (a station queue commits the calls
   * of many counters together): each event keeps who asked for it.
   */
  readonly metadata?: EventMetadata;
}

/** An event as the log holds it. */
export interface StoredEvent<Data = unknown> extends Omit<NewEvent<Data>, 'metadata'> {
  readonly eventId: string;
  readonly streamId: string;
  readonly streamVersion: number;
  readonly globalPosition: bigint;
  readonly transactionId: bigint;
  readonly occurredAt: Date;
  readonly metadata: EventMetadata;
}

/**
 * An event on its way from the log to Kafka. Its data stays the JSON text the log returned: the
 * relay hands it on as the record's value, so it neither parses nor writes it again.
 */
export interface RelayedEvent extends Omit<StoredEvent, 'data'> {
  readonly dataJson: string;
}

/** The bounded context of an event is its type's prefix: `walkins.TicketIssued` → `walkins`. */
export function contextOfType(type: string): string {
  const dot = type.indexOf('.');
  return dot < 0 ? '' : type.slice(0, dot);
}

/** CONTRACT: `cn.servicecircle.<context>.<EventName>.v<N>`. */
export function cloudEventType(type: string, schemaVersion: number): string {
  return `cn.servicecircle.${type}.v${schemaVersion}`;
}

export function parseCloudEventType(ceType: string): { type: string; schemaVersion: number } {
  const match = /^cn\.servicecircle\.([a-z-]+\.[A-Za-z]+)\.v(\d+)$/.exec(ceType);
  const [, type, version] = match ?? [];
  if (!type || !version) throw new Error(`not a Service Circle event type: ${ceType}`);
  return { type, schemaVersion: Number(version) };
}
