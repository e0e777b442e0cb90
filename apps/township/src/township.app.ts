import type { AppDefinition } from '@circle/platform';
import { TownshipModule } from './township.module';

export const townshipApp: AppDefinition = {
  name: 'township',
  title: 'Township stations and village points',
  defaultPort: 3101,
  module: (config) => TownshipModule.with(config),
};
