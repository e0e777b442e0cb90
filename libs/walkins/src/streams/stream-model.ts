/** A fact as the deciders see it: its type and data, nothing of the log's bookkeeping. */
export interface DomainEvent {
  readonly type: string;
  readonly data: unknown;
}

/** What folding one kind of stream needs: its start, its evolve, and the types it knows. */
export interface StreamModel<S, E extends DomainEvent> {
  readonly name: string;
  readonly initial: () => S;
  readonly evolve: (state: S, event: E) => S;
  readonly types: readonly E['type'][];
}

export function knows<S, E extends DomainEvent>(
  model: StreamModel<S, E>,
  event: DomainEvent,
): event is E {
  return (model.types as readonly string[]).includes(event.type);
}

export function foldEvents<S, E extends DomainEvent>(
  model: StreamModel<S, E>,
  state: S,
  events: readonly DomainEvent[],
): S {
  return events.reduce((s, e) => (knows(model, e) ? model.evolve(s, e) : s), state);
}
