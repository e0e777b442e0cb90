import { exitOnRebuildFailure, rebuildFromCommandLine } from '@circle/projections';
import { supervisorProjections } from './supervisor.projections';

/** `npm run rebuild -- <projection>`: any read model of the supervisor, by name. */
rebuildFromCommandLine(supervisorProjections()).catch(exitOnRebuildFailure);
