import { loadCoverageSettings, seedDemoGeography } from '@circle/coverage';
import { seedDemo } from './seed-demo';

const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/service_circle';

seedDemo(databaseUrl)
  .then((created) =>
    console.log(
      created.length ? `demo users created: ${created.join(', ')}` : 'demo users present',
    ),
  )
  .then(() => seedDemoGeography(databaseUrl, loadCoverageSettings()))
  .then((geography) =>
    console.log(
      geography ? `demo geography (synthetic) imported: ${geography}` : 'demo geography present',
    ),
  )
  .catch((error: unknown) => {
    console.error('demo seed failed:', error instanceof Error ? error.message : error);
    process.exit(1);
  });
