import { CloudEvent, Kafka } from 'cloudevents';
import type { IHeaders, KafkaMessage, Message } from 'kafkajs';
import { StoredEvent, cloudEventType, parseCloudEventType } from '../stored-event';

const SOURCE = 'urn:service-circle';

/**
 * CloudEvents 1.0 in Kafka binary mode: attributes travel as `ce_*` headers, the event's data
 * is the value and the stream id the key, so one stream always lands on one partition in order.
 * Log coordinates ride as extensions so a consumer can deduplicate and a rebuild can compare.
 */
export function encodeEvent(event: StoredEvent): Message {
  const cloudEvent = new CloudEvent<unknown>(
    {
      id: event.eventId,
      type: cloudEventType(event.type, event.schemaVersion),
      source: `${SOURCE}:${event.metadata.stationId ?? 'district'}`,
      subject: event.streamId,
      time: event.occurredAt.toISOString(),
      datacontenttype: 'application/json',
      data: event.data,
      streamversion: String(event.streamVersion),
      position: event.globalPosition.toString(),
      txid: event.transactionId.toString(),
      correlationid: event.metadata.correlationId,
      ...(event.metadata.causationId ? { causationid: event.metadata.causationId } : {}),
      actor: event.metadata.actor,
      ...(event.metadata.stationId ? { stationid: event.metadata.stationId } : {}),
    },
    false,
  );
  const message = Kafka.binary(cloudEvent);
  return {
    key: event.streamId,
    value: JSON.stringify(event.data),
    headers: message.headers as IHeaders,
  };
}

function headerText(headers: IHeaders | undefined, name: string): string | undefined {
  const value = headers?.[name];
  if (value === undefined) return undefined;
  const one = Array.isArray(value) ? value[0] : value;
  return one === undefined ? undefined : one.toString();
}

function required(headers: IHeaders | undefined, name: string): string {
  const value = headerText(headers, name);
  if (value === undefined) throw new Error(`Kafka record lacks header ${name}`);
  return value;
}

/** The inverse of `encodeEvent`; throws on a record that is not one of ours. */
export function decodeEvent(message: Pick<KafkaMessage, 'key' | 'value' | 'headers'>): StoredEvent {
  const headers = message.headers;
  if (required(headers, 'ce_specversion') !== '1.0')
    throw new Error('unsupported CloudEvents version');
  const { type, schemaVersion } = parseCloudEventType(required(headers, 'ce_type'));
  const causationId = headerText(headers, 'ce_causationid');
  const stationId = headerText(headers, 'ce_stationid');
  return {
    eventId: required(headers, 'ce_id'),
    type,
    schemaVersion,
    streamId: required(headers, 'ce_subject'),
    streamVersion: Number(required(headers, 'ce_streamversion')),
    globalPosition: BigInt(required(headers, 'ce_position')),
    transactionId: BigInt(required(headers, 'ce_txid')),
    occurredAt: new Date(required(headers, 'ce_time')),
    data: JSON.parse(message.value?.toString() ?? 'null') as unknown,
    metadata: {
      correlationId: required(headers, 'ce_correlationid'),
      actor: required(headers, 'ce_actor'),
      ...(causationId ? { causationId } : {}),
      ...(stationId ? { stationId } : {}),
    },
  };
}
