/**
 * The name of a connection that never appends to the event log: read models, SMS records. The
 * relay's gate does not wait for its transactions (see read-events.ts), and the log refuses an
 * append made on it, so a name given wrongly fails loudly instead of letting an event slip by.
 * Must match the pattern of the migration CreateEventLogGate.
 */
export const offLogConnectionName = (name: string): string => `service-circle-off-log-${name}`;
