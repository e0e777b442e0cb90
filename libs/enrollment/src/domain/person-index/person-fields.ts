import type { InsuredPersonEvent } from '../insured-person/insured-person.events';

/** What the person index keeps of a person: who they are and how to reach them. */
export interface PersonFields {
  readonly residentId: string;
  readonly at: string;
  /** Absent: the event says nothing of it. `phone: null` clears the number. */
  readonly name?: string;
  readonly phone?: string | null;
  readonly birthDate?: string;
  readonly sex?: string;
}

/**
 * The one place the index reads names and phones out of events, so a change in how events
 * carry personal fields (encrypted per person, say) is adapted here alone. Null when the
 * event says nothing of the person's identity or contact.
 */
export function personFieldsOf(event: InsuredPersonEvent): PersonFields | null {
  switch (event.type) {
    case 'enrollment.ResidentEnrolled':
    case 'enrollment.EmployeeEnrolled': {
      const d = event.data;
      const { residentId, at, name, phone, birthDate, sex } = d;
      return { residentId, at, name, phone, birthDate, sex };
    }
    case 'enrollment.InsuredInformationChanged': {
      const d = event.data;
      const changed = (field: 'name' | 'phone') => d.changes.find((c) => c.field === field);
      const name = changed('name');
      const phone = changed('phone');
      if (!name && !phone) return null;
      return {
        residentId: d.residentId,
        at: d.at,
        ...(name && name.to ? { name: name.to } : {}),
        ...(phone ? { phone: phone.to } : {}),
      };
    }
    default:
      return null;
  }
}
