import { claimsProjections } from '@circle/claims';
import { coverageProjection, loadCoverageSettings } from '@circle/coverage';
import { enrollmentProjections } from '@circle/enrollment';
import type { Projection } from '@circle/projections';
import { monthlyReportProjection } from '@circle/reports';
import { benefitYearProjection } from '@circle/settlement';
import { walkinsProjections } from '@circle/walkins';

/** Every read model the supervisor keeps, fed from Kafka and rebuildable from the log. */
export const supervisorProjections = (): Projection[] => [
  ...walkinsProjections(),
  ...enrollmentProjections(),
  ...claimsProjections(),
  benefitYearProjection(),
  monthlyReportProjection(),
  coverageProjection(loadCoverageSettings()),
];
