import { bootstrap } from '@circle/platform';
import { townshipApp } from './township.app';

void bootstrap(townshipApp);
