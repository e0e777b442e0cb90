import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  DiagnosticSeverity,
  Parser,
  type AsyncAPIDocumentInterface,
  type Diagnostic,
  type MessageInterface,
} from '@asyncapi/parser';
import Ajv, { type ValidateFunction } from 'ajv';
import {
  cloudEventType,
  contextOfType,
  encodeEvent,
  parseCloudEventType,
  topicOfEventType,
  type EventMetadata,
  type StoredEvent,
} from '@circle/event-store';
import topicsFile from '../../libs/platform/src/kafka/topics.json';
import { claimStreamId } from '../../libs/claims/src/domain';
import { EVENT_EXAMPLES as CLAIMS_EXAMPLES } from '../../libs/claims/src/events.examples';
import { geographyStreamId } from '../../libs/coverage/src/domain/geography.events';
import { EVENT_EXAMPLES as COVERAGE_EXAMPLES } from '../../libs/coverage/src/events.examples';
import {
  FILING_TYPES,
  PAYMENT_METHODS,
  TRANSFER_DIRECTIONS,
  employerStreamId,
  personStreamId,
} from '../../libs/enrollment/src/domain';
import { EVENT_EXAMPLES as ENROLLMENT_EXAMPLES } from '../../libs/enrollment/src/events.examples';
import { RESIDENT_CATEGORIES } from '../../libs/policy/src/domain/resident-category';
import { groupIdOf } from '../../libs/projections/src/kafka/consumer-group';
import { BUSINESS_CODES, STATION_KINDS } from '../../libs/stations/src/domain/business-catalog';
import { stationStreamId } from '../../libs/stations/src/domain/station.events';
import { EVENT_EXAMPLES as SETTLEMENT_EXAMPLES } from '../../libs/settlement/src/events.examples';
import { EVENT_EXAMPLES as STATIONS_EXAMPLES } from '../../libs/stations/src/events.examples';
import { PRIORITY_CLASSES } from '../../libs/walkins/src/domain/priority-class';
import {
  NOT_HANDLED_REASONS,
  RECORD_KINDS,
  SERVICE_OUTCOMES,
} from '../../libs/walkins/src/domain/service-outcome';
import { queueDayOf } from '../../libs/walkins/src/domain/queue-day';
import { parseTicketId, queueStreamId } from '../../libs/walkins/src/domain/ticket-id';
import { EVENT_EXAMPLES as WALKINS_EXAMPLES } from '../../libs/walkins/src/events.examples';
import { benefitYearStreamId } from '../../libs/settlement/src/domain';
import { supervisorProjections } from '../../apps/supervisor/src/supervisor.projections';

const ROOT = join(__dirname, '..', '..');
const DOCUMENT_PATH = join(ROOT, 'asyncapi.yaml');

/**
 * Event types that only tests write. They travel on real topics (the relay and projection
 * tests need a quiet one), so a consumer may meet them, but no business code emits them and the
 * contract does not describe them. Each entry says where it is written; an entry that is no
 * longer written anywhere, or that production code starts to emit, fails the suite.
 */
const TEST_ONLY_TYPES: ReadonlySet<string> = new Set([
  // test/event-store/support/probe.ts: the relay tests' probe events.
  'diagnostics.RelayProbeRecorded',
  // test/projections/support/test-events.ts: the projection runner tests' probe events.
  'diagnostics.ProjectionProbeRecorded',
]);

const CONTEXTS = 'walkins|stations|enrollment|claims|settlement|coverage|diagnostics';
// Any event log's name: the groups carry it after the projection's.
const LOG = 'service_circle#16384';
const EVENT_TYPE_LITERAL = new RegExp(`['"\`]((?:${CONTEXTS})\\.[A-Z][A-Za-z]+)['"\`]`, 'g');
const MESSAGE_NAME = new RegExp(
  `^cn\\.servicecircle\\.(?:${CONTEXTS})\\.[A-Z][A-Za-z]+\\.v[1-9]\\d*$`,
);

interface Example {
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: object;
}

const EXAMPLES: readonly Example[] = [
  ...WALKINS_EXAMPLES,
  ...STATIONS_EXAMPLES,
  ...ENROLLMENT_EXAMPLES,
  ...SETTLEMENT_EXAMPLES,
  ...CLAIMS_EXAMPLES,
  ...COVERAGE_EXAMPLES,
];

function typeScriptFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : typeScriptFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every event type literal in the given files, with the files that mention it. */
function eventTypesIn(files: readonly string[]): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of files)
    for (const match of readFileSync(file, 'utf8').matchAll(EVENT_TYPE_LITERAL)) {
      const type = match[1] as string;
      const where = found.get(type) ?? [];
      if (!where.includes(file)) where.push(file);
      found.set(type, where);
    }
  return found;
}

/** The libraries' own code: what the product can emit. Specs and examples would echo the rest. */
function librarySources(): string[] {
  return readdirSync(join(ROOT, 'libs'), { withFileTypes: true })
    .map((lib) => join(ROOT, 'libs', lib.name, 'src'))
    .filter((src) => existsSync(src))
    .flatMap(typeScriptFiles)
    .filter((file) => !file.endsWith('.spec.ts') && !file.endsWith('.examples.ts'));
}

const isTestingFolder = (file: string): boolean =>
  relative(ROOT, file).split(/[\\/]/).includes('testing');

/** The formats the document uses, written out because ajv-formats is no dependency of ours. */
function schemaValidator(): Ajv {
  // Strict mode would reject the parser's x-parser-* annotations and AsyncAPI's own keys.
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('date', {
    type: 'string',
    validate: (s) => {
      const day = Date.parse(`${s}T00:00:00Z`);
      return (
        /^\d{4}-\d{2}-\d{2}$/.test(s) &&
        !Number.isNaN(day) &&
        new Date(day).toISOString().startsWith(s)
      );
    },
  });
  ajv.addFormat('date-time', {
    type: 'string',
    validate: (s) =>
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(s) &&
      !Number.isNaN(Date.parse(s)),
  });
  ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  return ajv;
}

function text(data: object, field: string): string {
  const value = (data as Record<string, unknown>)[field];
  if (typeof value !== 'string') throw new Error(`example data lacks a ${field}`);
  return value;
}

/** The stream an example would be appended to, worked out by the libraries' own stream ids. */
function streamIdOf(example: Example): string {
  switch (contextOfType(example.type)) {
    case 'walkins': {
      // A transfer's decline is written in the declining station's queue of its instant's day.
      if (!('ticketId' in example.data))
        return queueStreamId(text(example.data, 'stationId'), queueDayOf(text(example.data, 'at')));
      const { stationId, day } = parseTicketId(text(example.data, 'ticketId'));
      return queueStreamId(stationId, day);
    }
    case 'stations':
      return stationStreamId(
        'stationId' in example.data ? text(example.data, 'stationId') : 'town-1',
      );
    case 'enrollment':
      return example.type === 'enrollment.EmployerRegistered'
        ? employerStreamId(text(example.data, 'creditCode'))
        : personStreamId(text(example.data, 'residentId'));
    case 'claims':
      return claimStreamId(text(example.data, 'claimId'));
    case 'coverage':
      return geographyStreamId(text(example.data, 'region'));
    case 'settlement':
      return benefitYearStreamId(
        text(example.data, 'residentId'),
        (example.data as { year: number }).year,
      );
    default:
      throw new Error(`no stream id rule for ${example.type}`);
  }
}

/** At a station with a cause, and at district level without one: both header sets occur. */
const METADATA: readonly EventMetadata[] = [
  {
    correlationId: randomUUID(),
    causationId: randomUUID(),
    actor: 'clerk-town-1',
    stationId: 'town-1',
  },
  { correlationId: randomUUID(), actor: 'admin' },
];

function storedEvent(example: Example, metadata: EventMetadata): StoredEvent {
  return {
    eventId: randomUUID(),
    type: example.type,
    schemaVersion: example.schemaVersion,
    data: example.data,
    streamId: streamIdOf(example),
    streamVersion: 7,
    globalPosition: 1_048_577n,
    transactionId: 774_210n,
    occurredAt: new Date('2024-06-03T01:12:40.231Z'),
    metadata,
  };
}

function headerStrings(headers: Record<string, unknown> | undefined): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers ?? {}).map(([name, value]) => [name, String(value)]),
  );
}

function errorsOf(validate: ValidateFunction): string {
  return JSON.stringify(validate.errors, null, 2);
}

describe('the AsyncAPI document (asyncapi.yaml)', () => {
  let document: AsyncAPIDocumentInterface;
  let ajv: Ajv;
  let diagnostics: Diagnostic[];
  const messagesByName = new Map<string, MessageInterface>();

  beforeAll(async () => {
    const parsed = await new Parser().parse(readFileSync(DOCUMENT_PATH, 'utf8'));
    diagnostics = parsed.diagnostics;
    const errors = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error);
    expect(errors.map((d) => `${d.path.join('.')}: ${d.message}`)).toEqual([]);
    if (!parsed.document) throw new Error('the parser returned no document');
    document = parsed.document;
    for (const message of document.allMessages().all()) {
      const name = message.name();
      if (name) messagesByName.set(name, message);
    }
    ajv = schemaValidator();
  });

  it('parses as AsyncAPI 3.0.0 with no warning but the one about a newer version', () => {
    // CONTRACT asks for AsyncAPI 3; 3.0.0 is what the parser and its tools all read.
    const warnings = diagnostics.filter(
      (d) => d.severity === DiagnosticSeverity.Warning && d.code !== 'asyncapi-latest-version',
    );
    expect(warnings.map((d) => `${d.path.join('.')}: ${d.message}`)).toEqual([]);
    expect(document.version()).toBe('3.0.0');
  });

  it('has one channel per topic of topics.json, addressed by its name', () => {
    const channels = document.channels().all();
    expect(channels.map((c) => c.address()).sort()).toEqual(
      topicsFile.topics.map((t) => t.name).sort(),
    );
    for (const topic of topicsFile.topics) {
      const channel = channels.find((c) => c.address() === topic.name);
      expect(channel?.bindings().get('kafka')?.value()).toMatchObject({
        topic: topic.name,
        partitions: topic.partitions,
        replicas: topicsFile.replicationFactor,
      });
    }
  });

  it('names every message cn.servicecircle.<context>.<EventName>.v<N>, on its topic only', () => {
    const messages = document.allMessages().all();
    expect(messages.length).toBeGreaterThan(0);
    expect(messagesByName.size).toBe(messages.length);
    for (const message of messages) {
      const name = message.name() ?? `(message ${message.id()} has no name)`;
      expect(name).toMatch(MESSAGE_NAME);
      const { type } = parseCloudEventType(name);
      const addresses = document
        .channels()
        .all()
        .filter((c) =>
          c
            .messages()
            .all()
            .some((m) => m.name() === name),
        )
        .map((c) => c.address());
      expect({ name, addresses }).toEqual({ name, addresses: [topicOfEventType(type)] });
    }
  });

  it('keys every message by a stream id and describes its payload and headers', () => {
    for (const message of document.allMessages().all()) {
      const kafka = message.bindings().get('kafka')?.value() as { key?: object } | undefined;
      expect({ name: message.name(), key: kafka?.key }).toMatchObject({
        key: { type: 'string', pattern: expect.any(String) },
      });
      expect({ name: message.name(), payload: message.hasPayload() }).toEqual({
        name: message.name(),
        payload: true,
      });
      expect({ name: message.name(), headers: message.hasHeaders() }).toEqual({
        name: message.name(),
        headers: true,
      });
    }
  });

  it('has the outbox relay publish every channel, and each supervisor projection read its topics', () => {
    const operations = document.operations().all();
    for (const channel of document.channels().all()) {
      const sends = operations.filter(
        (op) =>
          op.action() === 'send' &&
          op
            .channels()
            .all()
            .some((c) => c.id() === channel.id()),
      );
      expect({
        channel: channel.address(),
        relays: sends.map((op) => op.json<{ title?: string }>().title),
      }).toEqual({
        channel: channel.address(),
        relays: ['outbox relay'],
      });
    }
    const projections = supervisorProjections();
    const expected = projections
      .flatMap((p) => p.topics.map((topic) => `${groupIdOf(p.name, LOG)} <- ${topic}`))
      .sort();
    const documented = operations
      .filter((op) => op.action() === 'receive')
      .flatMap((op) => {
        const pattern = (op.bindings().get('kafka')?.value() as { groupId?: { pattern?: string } })
          ?.groupId?.pattern;
        const name = /projection\\\.([a-z_]+)/.exec(pattern ?? '')?.[1] ?? '';
        const groupId = groupIdOf(name, LOG);
        return op
          .channels()
          .all()
          .map(
            (c) =>
              `${new RegExp(pattern ?? '^$').test(groupId) ? groupId : pattern} <- ${c.address()}`,
          );
      })
      .sort();
    expect(documented).toEqual(expected);
  });

  it('lists the same closed sets as the code', () => {
    const schemas = document.components().schemas();
    const enumOf = (id: string): unknown[] => [...(schemas.get(id)?.enum() ?? [])].sort();
    const sorted = (values: readonly string[]): string[] => [...values].sort();
    expect(enumOf('BusinessCode')).toEqual(sorted(BUSINESS_CODES));
    expect(enumOf('TicketClass')).toEqual(sorted([...PRIORITY_CLASSES, 'regular']));
    expect(enumOf('ServiceOutcome')).toEqual(sorted(SERVICE_OUTCOMES));
    expect(enumOf('NotHandledReason')).toEqual(sorted(NOT_HANDLED_REASONS));
    expect(enumOf('RecordKind')).toEqual(sorted(RECORD_KINDS));
    expect(enumOf('StationKind')).toEqual(sorted(STATION_KINDS));
    expect(enumOf('ResidentCategory')).toEqual(sorted(RESIDENT_CATEGORIES));
    expect(enumOf('PaymentMethod')).toEqual(sorted(PAYMENT_METHODS));
    expect(enumOf('FilingType')).toEqual(sorted(FILING_TYPES));
    expect(enumOf('TransferDirection')).toEqual(sorted(TRANSFER_DIRECTIONS));
  });

  describe.each(EXAMPLES.map((e) => [cloudEventType(e.type, e.schemaVersion), e] as const))(
    '%s',
    (name, example) => {
      let message: MessageInterface;

      beforeAll(() => {
        const found = messagesByName.get(name);
        if (!found) throw new Error(`asyncapi.yaml has no message named ${name}`);
        message = found;
      });

      it('its example, as encoded for Kafka, matches the payload schema', () => {
        const validate = ajv.compile(message.payload()?.json() ?? false);
        const record = encodeEvent(storedEvent(example, METADATA[0] as EventMetadata));
        const value = JSON.parse(String(record.value)) as unknown;
        expect(value).toEqual(example.data);
        expect(validate(value) ? 'valid' : errorsOf(validate)).toBe('valid');
      });

      it.each(METADATA.map((m) => [m.stationId ? 'at a station' : 'at district level', m]))(
        'its CloudEvents headers and key match the schemas (%s)',
        (_, metadata) => {
          const headers = ajv.compile(message.headers()?.json() ?? false);
          const kafka = message.bindings().get('kafka')?.value() as { key: object };
          const key = ajv.compile(kafka.key);
          const record = encodeEvent(storedEvent(example, metadata));
          const sent = headerStrings(record.headers);
          expect(headers(sent) ? 'valid' : errorsOf(headers)).toBe('valid');
          expect(key(record.key) ? 'valid' : errorsOf(key)).toBe('valid');
          expect(sent.ce_subject).toBe(record.key);
        },
      );

      it('its headers schema holds ce_type to this message alone', () => {
        const headers = ajv.compile(message.headers()?.json() ?? false);
        const record = encodeEvent(storedEvent(example, METADATA[0] as EventMetadata));
        const sent = headerStrings(record.headers);
        expect(headers({ ...sent, ce_type: 'cn.servicecircle.walkins.Unknown.v1' })).toBe(false);
      });
    },
  );

  describe('completeness against the code', () => {
    const emitted = eventTypesIn(librarySources());
    const documentedTypes = (): Set<string> =>
      new Set([...messagesByName.keys()].map((name) => parseCloudEventType(name).type));

    it('finds the event types the libraries emit', () => {
      expect(emitted.size).toBeGreaterThan(20);
    });

    it('has a message and an example for every type the libraries emit', () => {
      const documented = documentedTypes();
      const exampled = new Set(EXAMPLES.map((e) => e.type));
      const missing = [...emitted.keys()]
        .filter((type) => !TEST_ONLY_TYPES.has(type))
        .flatMap((type) => [
          ...(documented.has(type) ? [] : [`${type}: no message in asyncapi.yaml`]),
          ...(exampled.has(type) ? [] : [`${type}: no entry in an events.examples.ts`]),
        ]);
      expect(missing).toEqual([]);
    });

    it('describes no type that the code does not emit', () => {
      const unknown = [...documentedTypes()].filter((type) => !emitted.has(type));
      expect(unknown).toEqual([]);
      const strayExamples = EXAMPLES.map((e) => e.type).filter((type) => !emitted.has(type));
      expect(strayExamples).toEqual([]);
    });

    it('has one example per type and version, each with a message', () => {
      const names = EXAMPLES.map((e) => cloudEventType(e.type, e.schemaVersion));
      expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
      expect(names.filter((n) => !messagesByName.has(n))).toEqual([]);
    });

    it('keeps the test-only types out of the contract and out of production code', () => {
      const documented = documentedTypes();
      // This file names every allow-listed type, so it cannot count as a place that writes one.
      const testCode = eventTypesIn(
        typeScriptFiles(join(ROOT, 'test')).filter((f) => f !== __filename),
      );
      for (const type of TEST_ONLY_TYPES) {
        expect({ type, documented: documented.has(type) }).toEqual({ type, documented: false });
        const inProduction = (emitted.get(type) ?? [])
          .filter((file) => !isTestingFolder(file))
          .map((file) => relative(ROOT, file));
        expect({ type, inProduction }).toEqual({ type, inProduction: [] });
        const written = testCode.has(type) || (emitted.get(type) ?? []).some(isTestingFolder);
        expect({ type, written }).toEqual({ type, written: true });
      }
    });
  });
});
