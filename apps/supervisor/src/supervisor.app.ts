import type { AppDefinition } from '@circle/platform';
import { SupervisorModule } from './supervisor.module';

export const supervisorApp: AppDefinition = {
  name: 'supervisor',
  title: 'Supervisor: queues, workloads, coverage',
  defaultPort: 3103,
  module: (config) => SupervisorModule.with(config),
};
