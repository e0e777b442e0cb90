import { bootstrap } from '@circle/platform';
import { notifierApp } from './notifier.app';

void bootstrap(notifierApp);
