import { seedDemo } from './seed-demo';

const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/service_circle';

seedDemo(databaseUrl)
  .then((created) =>
    console.log(
      created.length ? `demo users created: ${created.join(', ')}` : 'demo users present',
    ),
  )
  .catch((error: unknown) => {
    console.error('demo seed failed:', error instanceof Error ? error.message : error);
    process.exit(1);
  });
