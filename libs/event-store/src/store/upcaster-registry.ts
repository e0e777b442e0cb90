import type { NewEvent } from '../stored-event';

export type Upcaster<From = unknown, To = unknown> = (data: From) => To;

/**
 * An event's data never changes shape in the log; when a type moves to a new schema version,
 * an upcaster per step lifts old data on read, so deciders and projections see one shape.
 */
export class UpcasterRegistry {
  private readonly steps = new Map<string, Upcaster>();

  register<From, To>(type: string, fromVersion: number, upcast: Upcaster<From, To>): this {
    if (!Number.isInteger(fromVersion) || fromVersion < 1)
      throw new Error(`upcaster ${type}: fromVersion must be a positive integer`);
    const key = stepKey(type, fromVersion);
    if (this.steps.has(key))
      throw new Error(`upcaster ${type} v${fromVersion} → v${fromVersion + 1} is registered twice`);
    this.steps.set(key, upcast as Upcaster);
    return this;
  }

  /** The event lifted through every registered step after its stored version. */
  upcast<E extends NewEvent>(event: E): E {
    let data = event.data;
    let version = event.schemaVersion;
    for (let step = this.steps.get(stepKey(event.type, version)); step;) {
      data = step(data);
      version += 1;
      step = this.steps.get(stepKey(event.type, version));
    }
    return version === event.schemaVersion ? event : { ...event, data, schemaVersion: version };
  }
}

function stepKey(type: string, fromVersion: number): string {
  return `${type}@${fromVersion}`;
}
