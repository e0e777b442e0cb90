import { exitOnRebuildFailure, rebuildFromCommandLine } from './rebuild-command';

/** The library's own projections only; `npm run rebuild` goes through the supervisor's list. */
rebuildFromCommandLine().catch(exitOnRebuildFailure);
