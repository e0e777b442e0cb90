import type { AppDefinition } from '@circle/platform';
import { NotifierModule } from './notifier.module';

export const notifierApp: AppDefinition = {
  name: 'notifier',
  title: 'Notifier: SMS worker',
  defaultPort: 3104,
  module: (config) => NotifierModule.with(config),
};
