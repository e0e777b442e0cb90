import { isIsoDate, type IsoDate } from './iso-date';
import { isBps, isFen, type Bps, type Fen } from './money';
import type { Figure, Source } from './policy';
import { PolicyFileError } from './policy.errors';
import { isResidentCategory, type ResidentCategory } from './resident-category';

export type Fields = Readonly<Record<string, unknown>>;
export type ValueReader<T> = (value: unknown, path: string) => T;

const SEED_SOURCE = /^seed:\d{3}$/;

/** Reads an untrusted JSON document field by field, failing with the file and the field path. */
export class SchemaReader {
  constructor(private readonly fileName: string) {}

  fail(path: string, problem: string): never {
    throw new PolicyFileError(this.fileName, path, problem);
  }

  /** An object with exactly the allowed keys: a misspelt key is an error, not a silent default. */
  object(
    value: unknown,
    path: string,
    required: readonly string[],
    optional: readonly string[] = [],
  ): Fields {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      this.fail(path, 'must be an object');
    const fields = value as Fields;
    for (const key of required) if (!(key in fields)) this.fail(join(path, key), 'is missing');
    for (const key of Object.keys(fields))
      if (!required.includes(key) && !optional.includes(key))
        this.fail(
          join(path, key),
          `is not a known field (expected ${[...required, ...optional].join(', ')})`,
        );
    return fields;
  }

  array(value: unknown, path: string): readonly unknown[] {
    if (!Array.isArray(value)) this.fail(path, 'must be a list');
    return value;
  }

  text(value: unknown, path: string, pattern?: RegExp, shape?: string): string {
    if (typeof value !== 'string' || value.trim() === '')
      this.fail(path, 'must be a non-empty text');
    if (pattern && !pattern.test(value)) this.fail(path, `must be ${shape ?? `like ${pattern}`}`);
    return value;
  }

  date(value: unknown, path: string): IsoDate {
    if (!isIsoDate(value)) this.fail(path, 'must be a real date written YYYY-MM-DD');
    return value;
  }

  readonly fen: ValueReader<Fen> = (value, path) => {
    if (!isFen(value)) this.fail(path, 'must be a whole number of fen, 0 or more');
    return value;
  };

  readonly bps: ValueReader<Bps> = (value, path) => {
    if (!isBps(value)) this.fail(path, 'must be an integer between 0 and 10000');
    // A share written as a percent (75 for 75 %) would silently pay a hundredth of it; no
    // real share is that small, so such a value is taken as that mistake.
    if (value > 0 && value < 100)
      this.fail(
        path,
        `must be in basis points: ${value} would be ${value / 100} %; write ${value * 100} for ${value} %`,
      );
    return value;
  };

  wholeNumber(value: unknown, path: string, max: number): number {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max)
      this.fail(path, `must be a whole number between 0 and ${max}`);
    return value;
  }

  category(value: unknown, path: string): ResidentCategory {
    if (!isResidentCategory(value))
      this.fail(path, 'must be a resident category from CONTRACT.md (general, minor, …)');
    return value;
  }

  /** Names the first repeat, by its position and, for lists of objects, its key. */
  unique(path: string, values: readonly string[], key?: string): void {
    values.forEach((value, i) => {
      if (values.indexOf(value) !== i)
        this.fail(key ? join(join(path, i), key) : join(path, i), `repeats "${value}"`);
    });
  }

  /** A figure is `{ value, source }`; an assumption must give its reason. */
  figure<T>(raw: unknown, path: string, readValue: ValueReader<T>): Figure<T> {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
      this.fail(
        path,
        'must be a figure { "value": …, "source": … }: every figure needs its source',
      );
    const fields = this.object(raw, path, ['value', 'source'], ['reason', 'note']);
    const value = readValue(fields.value, path);
    return { value, ...this.source(fields, path) };
  }

  private source(fields: Fields, path: string): Source {
    const source = fields.source;
    if (source === 'assumption') {
      if (typeof fields.reason !== 'string' || fields.reason.trim() === '')
        this.fail(join(path, 'reason'), 'must say why the assumed value was chosen');
      if ('note' in fields)
        this.fail(join(path, 'note'), 'belongs to seed figures; an assumption has a reason');
      return { source, reason: fields.reason };
    }
    if (typeof source !== 'string' || !SEED_SOURCE.test(source))
      this.fail(
        join(path, 'source'),
        'must be "seed:NNN" (the article it comes from) or "assumption"',
      );
    if ('reason' in fields)
      this.fail(join(path, 'reason'), 'belongs to assumptions; a seed figure may have a note');
    if (!('note' in fields)) return { source: source as `seed:${string}` };
    return { source: source as `seed:${string}`, note: this.text(fields.note, join(path, 'note')) };
  }
}

export function join(path: string, key: string | number): string {
  return path === '' ? String(key) : `${path}.${key}`;
}
