import { CloudEvent, Kafka } from 'cloudevents';
import { decodeEvent, encodeEvent } from './cloud-event.codec';
import { StoredEvent, cloudEventType } from '../stored-event';

/** The record as the CloudEvents SDK writes it: the reference encodeEvent must match. */
function sdkRecord(e: StoredEvent): [string, unknown][] {
  const binary = Kafka.binary(
    new CloudEvent<unknown>(
      {
        id: e.eventId,
        type: cloudEventType(e.type, e.schemaVersion),
        source: `urn:service-circle:${e.metadata.stationId ?? 'district'}`,
        subject: e.streamId,
        time: e.occurredAt.toISOString(),
        datacontenttype: 'application/json',
        data: e.data,
        streamversion: String(e.streamVersion),
        position: e.globalPosition.toString(),
        txid: e.transactionId.toString(),
        correlationid: e.metadata.correlationId,
        ...(e.metadata.causationId ? { causationid: e.metadata.causationId } : {}),
        actor: e.metadata.actor,
        ...(e.metadata.stationId ? { stationid: e.metadata.stationId } : {}),
      },
      false,
    ),
  );
  return Object.entries(binary.headers).filter(([, value]) => value !== undefined);
}

const event: StoredEvent = {
  eventId: '0b8f1d2e-4a7c-4d52-9a55-0c3b2f1e9d11',
  type: 'walkins.TicketIssued',
  schemaVersion: 1,
  streamId: 'station-queue-town-1',
  streamVersion: 7,
  globalPosition: 123456789012n,
  transactionId: 987n,
  occurredAt: new Date('2026-11-23T08:30:00.000Z'),
  data: { ticketId: 't-1', number: 'A012' },
  metadata: { correlationId: 'walk-in-42', actor: 'clerk-town-1', stationId: 'town-1' },
};

describe('CloudEvents codec', () => {
  it('writes CONTRACT headers in binary mode, keyed by stream', () => {
    const message = encodeEvent(event);
    expect(message.key).toBe('station-queue-town-1');
    const headers = message.headers as Record<string, string>;
    expect(headers.ce_type).toBe('cn.servicecircle.walkins.TicketIssued.v1');
    expect(headers.ce_specversion).toBe('1.0');
    expect(headers.ce_subject).toBe('station-queue-town-1');
    expect(headers.ce_id).toBe(event.eventId);
    expect(headers.ce_time).toBe('2026-11-23T08:30:00.000Z');
    expect(headers.ce_source).toContain('town-1');
    expect(JSON.parse(String(message.value))).toEqual(event.data);
  });

  it('sends only headers that have a value, as Kafka needs', () => {
    const headers = encodeEvent(event).headers ?? {};
    for (const [name, value] of Object.entries(headers)) {
      expect([name, typeof value]).toEqual([name, 'string']);
    }
    expect(headers).not.toHaveProperty('ce_dataschema');
  });

  it.each([
    ['with a station', event],
    [
      'from the district, caused by another event',
      {
        ...event,
        metadata: { correlationId: 'c-1', causationId: 'e-0', actor: 'system' },
      },
    ],
    ['with non-Latin data', { ...event, data: { name: '张三', note: 'ü' }, schemaVersion: 3 }],
  ])('writes the same headers, in the same order, as the CloudEvents SDK (%s)', (_, e) => {
    expect(Object.entries(encodeEvent(e).headers ?? {})).toEqual(sdkRecord(e));
  });

  it('reads back exactly what it wrote', () => {
    const message = encodeEvent(event);
    const headers = Object.fromEntries(
      Object.entries(message.headers ?? {}).map(([k, v]) => [k, Buffer.from(String(v))]),
    );
    expect(
      decodeEvent({ key: Buffer.from('k'), value: Buffer.from(String(message.value)), headers }),
    ).toEqual(event);
  });
});
