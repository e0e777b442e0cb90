import type { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createApp, PlatformModule, type AppConfig, type Role } from '@circle/platform';
import { ProjectionsModule, type Projection, type ProjectionsOptions } from '@circle/projections';
import { TEST_DATABASE_URL, TEST_JWT_SECRET } from '../../support/test-env';

export interface ProjectionsApp {
  readonly app: INestApplication;
  readonly url: string;
  tokenFor(role: Role): Promise<string>;
}

/**
 * Ports of the projection suites' apps: TEST_PORT_BASE + 95 … 99 (4195 … by default), apart
 * from the other suites' and from another run with its own base. Not + 90: fetch refuses port
 * 4190 (managesieve) as unsafe.
 */
export const projectionsAppPort = (n: number): number =>
  Number(process.env.TEST_PORT_BASE ?? 4100) + 95 + n;

/** An app composed only of the platform and these projections, in this process. */
export async function startProjectionsApp(
  projections: readonly Projection[],
  port: number,
  options: ProjectionsOptions = {},
): Promise<ProjectionsApp> {
  const config: AppConfig = {
    appName: 'projections-test',
    port,
    databaseUrl: TEST_DATABASE_URL,
    redisUrl: 'redis://127.0.0.1:6379',
    kafkaBrokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
    jwtSecret: TEST_JWT_SECRET,
    jwtTtlSeconds: 3600,
    logLevel: 'warn',
  };
  class ProjectionsTestModule {}
  const app = await createApp(
    {
      name: config.appName,
      title: 'projections test',
      defaultPort: port,
      module: () => ({
        module: ProjectionsTestModule,
        imports: [PlatformModule.forApp(config), ProjectionsModule.register(projections, options)],
      }),
    },
    config,
  );
  await app.listen(port, '127.0.0.1');
  const jwt = new JwtService({
    secret: TEST_JWT_SECRET,
    signOptions: { issuer: 'service-circle' },
  });
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    tokenFor: (role) => jwt.signAsync({ sub: `test-${role}`, role }),
  };
}
