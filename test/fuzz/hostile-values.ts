import type { Random } from './random';

/** Text no field may take: each must be refused naming the field. */
export const REFUSED_TEXT = [
  'nul\u0000byte',
  'bell\u0007',
  'line\nbreak',
  'carriage\rreturn',
  'tab\tbed',
  'del\u007f',
  'c1\u0085',
  '\u202eevil.exe',
  'isolate\u2066x\u2069',
  'rlm\u200f',
  'zero\u200bwidth',
  'joiner\u200d',
  '\ufeffbom',
  'line\u2028separator',
  'lone\ud800surrogate',
];

/** Text that is odd but not forbidden: the answer may be anything but a 5xx. */
export const ODD_TEXT = [
  '',
  ' ',
  '张三',
  'Cafe\u0301',
  '👨‍👩‍👧'.replace(/\u200d/g, ''),
  'ｆｕｌｌ１２３',
  "' OR '1'='1' --",
  '"; DROP TABLE events; --',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '${jndi:ldap://x/a}',
  '%00%2e%2e',
  'a'.repeat(5_000),
  '9'.repeat(40),
  '-1',
  '1e309',
  'null',
  'undefined',
  '__proto__',
  'constructor',
];

/** Numbers a money or count field must refuse or take without a 5xx. */
export const ODD_NUMBERS = [
  -1,
  -0.5,
  0.01,
  1.5,
  0,
  -0,
  2 ** 31,
  2 ** 53,
  2 ** 53 + 2,
  1e21,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER,
  Number.MIN_SAFE_INTEGER,
];

/** Values of the wrong JSON type for any field. */
export const WRONG_TYPES: unknown[] = [
  null,
  true,
  0,
  'text',
  [],
  {},
  [1, 'a'],
  { nested: { deeper: 1 } },
];

/** Keys every object inherits: refused in any body, free-form or not. */
export const INHERITED_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
];

/** Keys no request has, all to be refused as fields that are not allowed. */
export const UNKNOWN_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'isAdmin',
  'role',
  'x\u0000y',
];

export function oddValue(random: Random): unknown {
  const kind = random.int(0, 3);
  if (kind === 0) return random.pick(REFUSED_TEXT);
  if (kind === 1) return random.pick(ODD_TEXT);
  if (kind === 2) return random.pick(ODD_NUMBERS);
  return random.pick(WRONG_TYPES);
}

/** Nested arrays deep enough to break a recursive walk that has no limit. */
export function deeplyNested(depth: number): string {
  return `{"a":${'['.repeat(depth)}1${']'.repeat(depth)}}`;
}

/** Bodies that are not a JSON request: each must be refused with 400, 413, 415 or 422. */
export function malformedBodies(random: Random): { body: string | Buffer; type?: string } {
  return random.pick([
    { body: '{' },
    { body: '{"a":}' },
    { body: "{'single':'quotes'}" },
    { body: '{"a":1,}' },
    { body: 'NaN' },
    { body: '\ufeff{"a":1}' },
    { body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]) },
    { body: '[]' },
    { body: '"just text"' },
    { body: '12345' },
    { body: 'null' },
    { body: deeplyNested(random.pick([64, 2_000, 20_000])) },
    { body: JSON.stringify({ a: 'x'.repeat(120 * 1024) }) },
    { body: `{"a":"${'€'.repeat(30_000)}"}` },
    { body: 'a=1&b=2', type: 'application/x-www-form-urlencoded' },
    { body: 'plain text', type: 'text/plain' },
    { body: '<a>1</a>', type: 'application/xml' },
    {
      body: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--',
      type: 'multipart/form-data; boundary=x',
    },
    { body: '{"a":1}', type: 'application/json; charset=utf-16' },
  ]);
}
