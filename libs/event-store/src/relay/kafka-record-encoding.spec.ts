import fc from 'fast-check';
import {
  fastRecord,
  installFastRecordEncoding,
  kafkajsRecord,
  uninstallFastRecordEncoding,
  type RecordInput,
} from './kafka-record-encoding';

const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constant(''));
const bytes = fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a));
const headerValue = fc.oneof(text, bytes);
const record: fc.Arbitrary<RecordInput> = fc.record(
  {
    offsetDelta: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    timestampDelta: fc.integer({ min: 0, max: 2 ** 40 }),
    key: fc.oneof(text, bytes, fc.constant(null)),
    value: fc.oneof(text, bytes, fc.constant(null)),
    headers: fc.dictionary(text, fc.oneof(headerValue, fc.array(headerValue, { maxLength: 3 })), {
      maxKeys: 16,
    }),
  },
  { requiredKeys: [] },
);

describe('fast Kafka record encoding', () => {
  afterEach(() => uninstallFastRecordEncoding());

  it('writes every record byte for byte as kafkajs does', () => {
    fc.assert(
      fc.property(record, (input) => {
        uninstallFastRecordEncoding();
        const theirs = kafkajsRecord(input).buffer;
        installFastRecordEncoding();
        const ours = fastRecord(input).buffer;
        expect(ours.equals(theirs)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('writes variable-length integers as kafkajs does, across every byte length', () => {
    const inputs = [
      0,
      1,
      63,
      64,
      127,
      128,
      8191,
      8192,
      2 ** 20,
      2 ** 27,
      2 ** 31 - 1,
      -1,
      -(2 ** 31),
    ];
    for (const offsetDelta of inputs) {
      uninstallFastRecordEncoding();
      const theirs = kafkajsRecord({ offsetDelta, key: 'k', value: 'v' }).buffer;
      installFastRecordEncoding();
      expect(fastRecord({ offsetDelta, key: 'k', value: 'v' }).buffer).toEqual(theirs);
    }
  });
});
