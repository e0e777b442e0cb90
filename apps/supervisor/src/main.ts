import { bootstrap } from '@circle/platform';
import { supervisorApp } from './supervisor.app';

void bootstrap(supervisorApp);
