import { DomainError } from '@circle/kernel';
import { ageOn, parseNationalId } from '../../../enrollment/src/domain/national-id';
import type { PriorityClass, TicketClass } from './priority-class';
import type { WalkinsSettings } from './walkins-settings';

export class TicketRequestRefused extends DomainError {
  constructor(field: string, problem: string) {
    super('rule', 'validation_failed', `${field} ${problem}`, [{ field, problem }]);
  }
}

export interface PriorityClaim {
  readonly declared?: PriorityClass;
  readonly residentId?: string;
  /** The Shanghai day of the visit, YYYY-MM-DD. */
  readonly today: string;
}

/**
 * The class a new ticket queues in. Elderly comes from the resident ID's birth date; the other
 * classes are declared at the kiosk and checked by the clerk at the counter, as halls do with
 * a disability or veteran card. A declared class the district does not honour queues as regular.
 */
export function classifyTicket(claim: PriorityClaim, settings: WalkinsSettings): TicketClass {
  const age = claim.residentId === undefined ? undefined : ageFromId(claim.residentId, claim.today);
  const honours = (c: PriorityClass) => settings.priorityClasses.includes(c);
  if (claim.declared === 'elderly' && age !== undefined && age < settings.elderlyAge)
    throw new TicketRequestRefused(
      'priority',
      `is elderly, but the resident ID shows age ${age}; elderly priority starts at ${settings.elderlyAge}`,
    );
  if (claim.declared && honours(claim.declared)) return claim.declared;
  if (age !== undefined && age >= settings.elderlyAge && honours('elderly')) return 'elderly';
  return 'regular';
}

function ageFromId(residentId: string, today: string): number {
  const parsed = parseNationalId(residentId, today);
  if (!parsed.ok) throw new TicketRequestRefused('residentId', parsed.problem);
  return ageOn(parsed.value.birthDate, today);
}
