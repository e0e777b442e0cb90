import type { FieldProblem } from '@circle/kernel';

/**
 * Characters no field of this back office has a use for, each named so the clerk can find it:
 * controls break logs, CSV and SMS; bidirectional overrides make a name or an amount read
 * differently from what is stored (CVE-2021-42574); zero-width characters make two IDs or
 * usernames that look the same compare different.
 */
const REFUSED: readonly [RegExp, string][] = [
  // eslint-disable-next-line no-control-regex -- finding controls is this rule's purpose
  [/[\u0000-\u001f\u007f-\u009f]/u, 'a control character'],
  [/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u, 'a bidirectional control character'],
  [/[\u200b-\u200d\u2060\ufeff]/u, 'a zero-width character'],
  [/[\u2028\u2029]/u, 'a line or paragraph separator'],
];

/** Keys every object inherits: never a field of a request, and a lever for prototype tricks. */
function isInheritedKey(key: string): boolean {
  return key === 'prototype' || key in Object.prototype;
}

// JSON may carry half of a surrogate pair (`"\ud800"`), which no encoder can store or send.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function textProblem(text: string): string | undefined {
  if (LONE_SURROGATE.test(text)) return 'is not well-formed Unicode (a lone surrogate)';
  for (const [pattern, name] of REFUSED) {
    const found = pattern.exec(text);
    if (found) {
      const code = (found[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
      return `contains ${name} (U+${code})`;
    }
  }
  return undefined;
}

// No request of ours nests more than a few levels; a deeper body would only exhaust the stack
// of every recursive walk after this one (class-transformer's, class-validator's).
const MAX_DEPTH = 32;

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

/**
 * Walks a request's strings (body, query or a path parameter): text comes back in Unicode NFC,
 * so the same name typed on two keyboards is one name; refused characters and inherited keys
 * such as `__proto__` or `constructor` are collected as problems naming their field.
 */
export function checkedText(
  value: unknown,
  path: string,
  problems: FieldProblem[],
  depth = 0,
): unknown {
  if (depth > MAX_DEPTH) {
    problems.push({
      field: path || 'body',
      problem: `is nested more than ${MAX_DEPTH} levels deep`,
    });
    return undefined;
  }
  if (typeof value === 'string') {
    const problem = textProblem(value);
    if (problem) problems.push({ field: path || 'body', problem });
    return problem ? value : value.normalize('NFC');
  }
  if (Array.isArray(value))
    return value.map((item, i) => checkedText(item, join(path, String(i)), problems, depth + 1));
  if (typeof value !== 'object' || value === null) return value;
  const checked: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const field = join(path, key);
    // A key with a control character would be a field name no screen or log can show.
    if (isInheritedKey(key) || textProblem(key))
      problems.push({ field, problem: 'is not an allowed field' });
    else checked[key] = checkedText(item, field, problems, depth + 1);
  }
  return checked;
}
