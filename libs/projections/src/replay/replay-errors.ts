import { DomainError } from '@circle/kernel';

export const deadLetterNotFound = (id: string): DomainError =>
  new DomainError('not-found', 'dead_letter_not_found', `no dead letter ${id} is waiting`);

export const alreadyReplayed = (id: string): DomainError =>
  new DomainError(
    'conflict',
    'dead_letter_already_replayed',
    `dead letter ${id} was replayed already`,
  );

export const projectionNotHere = (name: string): DomainError =>
  new DomainError(
    'not-found',
    'projection_not_found',
    `projection ${name} does not run in this app`,
  );
