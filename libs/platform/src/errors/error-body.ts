import type { FieldProblem } from '@circle/kernel';

/** CONTRACT's error shape, the one body every failing request gets. */
export interface ErrorBody {
  error: string;
  message: string;
  fields: FieldProblem[];
  [extra: string]: unknown;
}
