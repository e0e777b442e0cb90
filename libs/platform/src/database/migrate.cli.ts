import { migrate } from './migrate';

const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/service_circle';

migrate(databaseUrl)
  .then((applied) => {
    const where = new URL(databaseUrl).pathname.slice(1);
    console.log(
      applied.length ? `migrated ${where}: ${applied.join(', ')}` : `${where} is up to date`,
    );
  })
  .catch((error: unknown) => {
    console.error('migration failed:', error instanceof Error ? error.message : error);
    process.exit(1);
  });
