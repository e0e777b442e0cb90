import { bootstrap } from '@circle/platform';
import { hallApp } from './hall.app';

void bootstrap(hallApp);
