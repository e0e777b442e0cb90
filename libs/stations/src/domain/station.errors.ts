import { DomainError } from '@circle/kernel';

export class StationNotFound extends DomainError {
  constructor(stationId: string) {
    super('not-found', 'station_not_found', `there is no station ${stationId}`);
  }
}

export class CounterNotFound extends DomainError {
  constructor(stationId: string, counterId: string) {
    super('not-found', 'counter_not_found', `station ${stationId} has no counter ${counterId}`);
  }
}

export class CounterAlreadyExists extends DomainError {
  constructor(stationId: string, counterId: string) {
    super('conflict', 'counter_exists', `station ${stationId} already has a counter ${counterId}`, [
      { field: 'counterId', problem: 'is taken' },
    ]);
  }
}

export class CounterStillOpen extends DomainError {
  constructor(counterId: string) {
    super('conflict', 'counter_still_open', `counter ${counterId} must be closed first`);
  }
}

export class StationRuleBroken extends DomainError {
  constructor(field: string, problem: string) {
    super('rule', 'validation_failed', `${field} ${problem}`, [{ field, problem }]);
  }
}
