/**
 * Readers for event data as it arrives from Kafka: plain JSON whose shape another context owns.
 * A missing or mistyped field throws MalformedEvent naming it, so one odd event is skipped and
 * reported rather than worded wrongly.
 */
export class MalformedEvent extends Error {
  constructor(
    readonly eventType: string,
    readonly field: string,
    problem: string,
  ) {
    super(`${eventType}: ${field} ${problem}`);
    this.name = 'MalformedEvent';
  }
}

export type Fields = Readonly<Record<string, unknown>>;

export class EventFields {
  constructor(
    private readonly type: string,
    private readonly data: Fields,
  ) {}

  static of(type: string, data: unknown): EventFields {
    if (typeof data !== 'object' || data === null || Array.isArray(data))
      throw new MalformedEvent(type, 'data', 'is not an object');
    return new EventFields(type, data as Fields);
  }

  text(name: string): string {
    const value = this.data[name];
    if (typeof value !== 'string') throw new MalformedEvent(this.type, name, 'is not text');
    return value;
  }

  optionalText(name: string): string | null {
    const value = this.data[name];
    return value === undefined || value === null ? null : this.text(name);
  }

  whole(name: string): number {
    const value = this.data[name];
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
      throw new MalformedEvent(this.type, name, 'is not a whole number');
    return value;
  }

  nested(name: string): EventFields {
    const value = this.data[name];
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw new MalformedEvent(this.type, name, 'is not an object');
    return new EventFields(`${this.type}.${name}`, value as Fields);
  }

  list(name: string): readonly unknown[] {
    const value = this.data[name];
    if (!Array.isArray(value)) throw new MalformedEvent(this.type, name, 'is not a list');
    return value;
  }
}
