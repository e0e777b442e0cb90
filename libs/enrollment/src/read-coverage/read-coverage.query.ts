import { Query } from '@nestjs/cqrs';
import type { CoverageRows } from '../read-side/enrollment-read-model';

export interface SupervisedCoverage extends CoverageRows {
  readonly residentId: string;
}

export class ReadCoverageQuery extends Query<SupervisedCoverage> {
  constructor(readonly residentId: string) {
    super();
  }
}
