import type { AppDefinition } from '@circle/platform';
import { HallModule } from './hall.module';

export const hallApp: AppDefinition = {
  name: 'hall',
  title: 'District office hall',
  defaultPort: 3100,
  module: (config) => HallModule.with(config),
};
