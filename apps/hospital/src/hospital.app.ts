import type { AppDefinition } from '@circle/platform';
import { HospitalModule } from './hospital.module';

export const hospitalApp: AppDefinition = {
  name: 'hospital',
  title: 'Hospital stations',
  defaultPort: 3102,
  module: (config) => HospitalModule.with(config),
};
