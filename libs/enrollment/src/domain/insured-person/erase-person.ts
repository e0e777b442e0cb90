import { EnrollmentConflict, NotOnRecord } from '../enrollment.errors';
import { fact, type InsuredPersonEvent, type PersonErased } from './insured-person.events';
import type { InsuredPersonState } from './insured-person.state';

/** What readers show for an erased person's name, phone and address (the port's marker). */
export const ERASED = '[erased]';

/** The personal fields of a person record once their key is deleted. */
export const erasedDetails = { name: ERASED, phone: ERASED, address: ERASED } as const;

export interface ErasePerson {
  readonly kind: 'ErasePerson';
  readonly stationId: string;
  readonly at: string;
}

/**
 * Erased by PersonErased, not by how the name reads: once the key is deleted every field reads
 * ERASED, before the event that records it is appended too.
 */
export function isErased(state: InsuredPersonState): boolean {
  return state.erased === true;
}

/**
 * Erasing is recorded once; a repeat finds the person erased and records nothing, so a retried
 * request answers the same. The log keeps every other fact, and every total with it.
 */
export function erasePerson(command: ErasePerson, state: InsuredPersonState): InsuredPersonEvent[] {
  if (!state.person) throw new NotOnRecord('this resident');
  if (isErased(state)) return [];
  const { residentId } = state.person;
  return [
    fact<PersonErased>('enrollment.PersonErased', {
      residentId,
      stationId: command.stationId,
      at: command.at,
    }),
  ];
}

const GIVES_DETAILS = new Set(['EnrollResident', 'EnrollEmployee', 'ChangeInformation']);

/**
 * An erased person's name, phone and address are not taken again: a command that records them
 * is refused (409), so nothing personal re-enters the log after an erasure.
 */
export function refuseDetailsOfErased(kind: string, state: InsuredPersonState): void {
  if (GIVES_DETAILS.has(kind) && isErased(state))
    throw new EnrollmentConflict(
      'person_erased',
      "this person's personal data was erased; no name, phone or address is recorded for them",
    );
}
