import type { ResidentCategory } from '../../../../policy/src/domain/resident-category';
import { NotOnRecord } from '../enrollment.errors';
import { notice } from '../notice';
import {
  fact,
  type ContactDetails,
  type FieldChange,
  type InsuredInformationChanged,
  type InsuredPersonEvent,
} from './insured-person.events';
import type { InsuredPersonState, PersonRecord } from './insured-person.state';

/** Fields left out stay as they are; `null` clears an optional one. */
export type InformationChanges = Partial<ContactDetails & { readonly category: ResidentCategory }>;

export interface ChangeInformation {
  readonly kind: 'ChangeInformation';
  readonly changes: InformationChanges;
  readonly reason: string | null;
  readonly stationId: string;
  readonly at: string;
}

const CHANGEABLE: readonly FieldChange['field'][] = [
  'name',
  'phone',
  'address',
  'communityId',
  'householdId',
  'category',
];

/**
 * Corrects what the record says about a person, keeping each old value in the fact so the
 * history can be read back. Sending what is already recorded changes nothing and records
 * nothing. A new category counts from the next assessment: a year already assessed keeps its
 * price, as the resident was told it at enrollment.
 */
export function changeInformation(
  command: ChangeInformation,
  state: InsuredPersonState,
): InsuredPersonEvent[] {
  const person = state.person;
  if (!person) throw new NotOnRecord('this person');
  const changes = differences(person, command.changes);
  if (changes.length === 0) return [];
  const after = { ...person, ...Object.fromEntries(changes.map((c) => [c.field, c.to])) };
  return [
    fact<InsuredInformationChanged>('enrollment.InsuredInformationChanged', {
      residentId: person.residentId,
      stationId: command.stationId,
      at: command.at,
      changes,
      reason: command.reason,
      notice: notice(
        // Texted to the new phone, so a resident who changed numbers still hears of it.
        { name: after.name as string, phone: (after.phone as string | null) ?? null },
        `您的参保信息已变更：${changes.map((c) => c.field).join('、')}。`,
      ),
    }),
  ];
}

function differences(person: PersonRecord, requested: InformationChanges): FieldChange[] {
  return CHANGEABLE.flatMap((field) => {
    const to = requested[field];
    if (to === undefined || to === person[field]) return [];
    return [{ field, from: person[field], to }];
  });
}
