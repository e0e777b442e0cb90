import { Body, Controller, HttpCode, Inject, Module, Post, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { IsIn, IsInt, IsString, Length, Max, Min } from 'class-validator';
import { Pool } from 'pg';

/**
 * The floor server's two routes on the design card's framework, as its own process: Nest on
 * Fastify, the body validated into a class by the global ValidationPipe, one INSERT through pg.
 * No guard, logging, idempotency or product code: what the framework alone adds to a request.
 */
class FloorCommand {
  @IsString() @Length(1, 64) region!: string;
  @IsIn(['resident', 'employee']) scheme!: string;
  @IsInt() @Min(1) @Max(3) tier!: number;
  @IsInt() @Min(0) totalFen!: number;
  @IsString() @Length(1, 64) streamId!: string;
}

const POOL = 'floor-pool';

@Controller()
class FloorController {
  constructor(@Inject(POOL) private readonly pool: Pool) {}

  @Post('echo')
  @HttpCode(200)
  echo(@Body() body: FloorCommand): FloorCommand {
    return body;
  }

  @Post('command')
  async command(@Body() body: FloorCommand): Promise<{ id: string | undefined }> {
    const { rows } = await this.pool.query<{ id: string }>(
      'INSERT INTO bench_floor_command (stream_id, data) VALUES ($1, $2) RETURNING id',
      [body.streamId, body],
    );
    return { id: rows[0]?.id };
  }
}

@Module({
  controllers: [FloorController],
  providers: [
    {
      provide: POOL,
      useFactory: () => new Pool({ connectionString: process.env.DATABASE_URL, max: 16 }),
    },
  ],
})
class FloorModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create<NestFastifyApplication>(
    FloorModule,
    new FastifyAdapter({ logger: false }),
    { logger: false },
  );
  app.useGlobalPipes(
    new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }),
  );
  await app.listen(Number(process.env.PORT), '127.0.0.1');
  process.send?.('listening');
  process.on('SIGTERM', () => {
    void app
      .get<Pool>(POOL)
      .end()
      .then(() => app.close())
      .then(() => process.exit(0));
  });
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
