import { createRequire } from 'node:module';

/*
 * kafkajs (in maintenance) encodes each record header through an Encoder of its own: a zeroed
 * 512-byte buffer per header, and every variable-length integer through a fresh array and
 * Buffer. A CloudEvent in binary mode carries over a dozen headers, so the relay spent most of
 * its CPU there and in the garbage collector. This module writes the very same bytes: each
 * record through one encoder sized for it, and integers straight into its buffer. The spec
 * holds both byte for byte to kafkajs's own encoding.
 */

interface Encoder {
  buf: Buffer;
  offset: number;
  ensureAvailable(length: number): void;
  writeInt8(value: number): Encoder;
  writeVarInt(value: number): Encoder;
  writeVarLong(value: number): Encoder;
  writeVarIntString(value: string): Encoder;
  writeVarIntBytes(value: unknown): Encoder;
  writeUVarInt(value: number): Encoder;
  readonly buffer: Buffer;
}

interface EncoderClass {
  new (initialSize?: number): Encoder;
  prototype: Encoder;
  sizeOfVarInt(value: number): number;
  sizeOfVarLong(value: number): number;
  sizeOfVarIntBytes(value: unknown): number;
}

type HeaderValue = string | Buffer;

export interface RecordInput {
  readonly offsetDelta?: number;
  readonly timestampDelta?: number;
  readonly key?: string | Buffer | null;
  readonly value?: string | Buffer | null;
  readonly headers?: Readonly<Record<string, HeaderValue | HeaderValue[]>>;
}

export type RecordEncoder = (record: RecordInput) => Encoder;

const load = createRequire(require.resolve('kafkajs'));
const ENCODER_PATH = load.resolve('./src/protocol/encoder');
const RECORD_PATH = load.resolve('./src/protocol/recordBatch/record/v0');
const KafkaEncoder = load(ENCODER_PATH) as EncoderClass;

/** kafkajs's own record encoder, kept for the spec to compare against. */
export const kafkajsRecord = load(RECORD_PATH) as RecordEncoder;
const kafkajsUVarInt = KafkaEncoder.prototype.writeUVarInt;

function writeUVarInt(this: Encoder, value: number): Encoder {
  this.ensureAvailable(5);
  let rest = value;
  while ((rest & 0xffffff80) !== 0) {
    this.buf[this.offset++] = (rest & 0x7f) | 0x80;
    rest >>>= 7;
  }
  this.buf[this.offset++] = rest & 0x7f;
  return this;
}

/** Header names and values in kafkajs's order, with their UTF-8 lengths worked out once. */
function headerList(headers: RecordInput['headers'] = {}) {
  const names: string[] = [];
  const values: HeaderValue[] = [];
  for (const name of Object.keys(headers)) {
    const value = headers[name] as HeaderValue | HeaderValue[];
    if (!Array.isArray(value)) {
      names.push(name);
      values.push(value);
    } else
      for (const one of value) {
        names.push(name);
        values.push(one);
      }
  }
  const nameBytes = names.map((name) => Buffer.byteLength(name));
  const valueBytes = values.map((value) => Buffer.byteLength(value));
  let size = KafkaEncoder.sizeOfVarInt(names.length);
  for (let i = 0; i < names.length; i++) {
    const n = nameBytes[i] as number;
    const v = valueBytes[i] as number;
    size += KafkaEncoder.sizeOfVarInt(n) + n + KafkaEncoder.sizeOfVarInt(v) + v;
  }
  return { names, values, nameBytes, valueBytes, size };
}

function writeText(encoder: Encoder, text: string, bytes: number): void {
  encoder.writeVarInt(bytes);
  encoder.buf.write(text, encoder.offset, bytes, 'utf8');
  encoder.offset += bytes;
}

/** The layout of kafkajs's record/v0, written through one encoder of the record's size. */
export const fastRecord: RecordEncoder = ({
  offsetDelta = 0,
  timestampDelta = 0,
  key,
  value,
  headers,
}) => {
  const list = headerList(headers);
  const sizeOfBody =
    1 +
    KafkaEncoder.sizeOfVarLong(timestampDelta) +
    KafkaEncoder.sizeOfVarInt(offsetDelta) +
    KafkaEncoder.sizeOfVarIntBytes(key) +
    KafkaEncoder.sizeOfVarIntBytes(value) +
    list.size;
  // Sized up front, so the header writes below never need the encoder to grow.
  const encoder = new KafkaEncoder(sizeOfBody + 5)
    .writeVarInt(sizeOfBody)
    .writeInt8(0)
    .writeVarLong(timestampDelta)
    .writeVarInt(offsetDelta)
    .writeVarIntBytes(key)
    .writeVarIntBytes(value)
    .writeVarInt(list.names.length);
  for (let i = 0; i < list.names.length; i++) {
    writeText(encoder, list.names[i] as string, list.nameBytes[i] as number);
    const headerValue = list.values[i] as HeaderValue;
    if (typeof headerValue === 'string')
      writeText(encoder, headerValue, list.valueBytes[i] as number);
    else encoder.writeVarIntBytes(headerValue);
  }
  return encoder;
};

let installed = false;

/**
 * Puts the faster encoding in place for this process (each worker thread has its own modules).
 * kafkajs requires its record encoder when it first builds a produce request, so replacing the
 * cached module before then is enough; varints are encoded through the Encoder's prototype.
 */
export function installFastRecordEncoding(): void {
  if (installed) return;
  installed = true;
  KafkaEncoder.prototype.writeUVarInt = writeUVarInt;
  const cached = load.cache[RECORD_PATH];
  if (cached) cached.exports = fastRecord;
}

/** Both of kafkajs's own encoders back, for the spec. */
export function uninstallFastRecordEncoding(): void {
  installed = false;
  KafkaEncoder.prototype.writeUVarInt = kafkajsUVarInt;
  const cached = load.cache[RECORD_PATH];
  if (cached) cached.exports = kafkajsRecord;
}

/** Whether kafkajs's produce requests will use the fast record encoder. */
export function fastRecordEncodingInstalled(): boolean {
  return load(RECORD_PATH) === fastRecord;
}
