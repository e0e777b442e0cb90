import { bootstrap } from '@circle/platform';
import { hospitalApp } from './hospital.app';

void bootstrap(hospitalApp);
