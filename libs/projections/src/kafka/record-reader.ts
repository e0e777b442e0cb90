import type { KafkaMessage } from 'kafkajs';
import { LOG_HEADER, decodeEvent, type StoredEvent } from '../event-store';
import type { KafkaRecordJson } from '../store/event-json';

export interface ReadRecords {
  readonly events: StoredEvent[];
  /** Records of this projection's own log that are not readable events: parked, never skipped. */
  readonly unreadable: { record: KafkaRecordJson; error: string }[];
}

/**
 * Turns a chunk's records into events. The topics are shared by every database on the broker;
 * each record names its event log (`ce_log`) and only this projection's own log is read. A
 * record without that name is not one of ours either: the relay names every record it sends.
 * Without a log to compare (a consumer built without one) every record counts as ours.
 */
export function readRecords(
  topic: string,
  partition: number,
  messages: readonly KafkaMessage[],
  log: string | undefined,
): ReadRecords {
  const read: ReadRecords = { events: [], unreadable: [] };
  for (const message of messages) {
    if (log !== undefined && headerText(message, LOG_HEADER) !== log) continue;
    try {
      read.events.push(decodeEvent(message));
    } catch (error) {
      const record = recordJson(topic, partition, message);
      read.unreadable.push({ record, error: `unreadable record: ${String(error)}` });
    }
  }
  return read;
}

function headerText(message: KafkaMessage, name: string): string | undefined {
  const value = message.headers?.[name];
  const one = Array.isArray(value) ? value[0] : value;
  return one === undefined ? undefined : one.toString();
}

function recordJson(topic: string, partition: number, message: KafkaMessage): KafkaRecordJson {
  const headers: Record<string, string> = {};
  for (const name of Object.keys(message.headers ?? {})) {
    const text = headerText(message, name);
    if (text !== undefined) headers[name] = text;
  }
  return {
    kafkaRecord: {
      topic,
      partition,
      offset: message.offset,
      key: message.key?.toString() ?? null,
      value: message.value?.toString('base64') ?? null,
      headers,
    },
  };
}

/** The record as kafkajs would hand it over, to be read again on replay. */
export function recordMessage(
  json: KafkaRecordJson,
): Pick<KafkaMessage, 'key' | 'value' | 'headers'> {
  const { key, value, headers } = json.kafkaRecord;
  return {
    key: key === null ? null : Buffer.from(key),
    value: value === null ? null : Buffer.from(value, 'base64'),
    headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, Buffer.from(v)])),
  };
}
