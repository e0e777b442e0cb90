export const PRIORITY_CLASSES = ['elderly', 'disabled', 'pregnant', 'veteran'] as const;
export type PriorityClass = (typeof PRIORITY_CLASSES)[number];
export type TicketClass = PriorityClass | 'regular';

export function isPriorityClass(value: unknown): value is PriorityClass {
  return typeof value === 'string' && (PRIORITY_CLASSES as readonly string[]).includes(value);
}
