import { createServer } from 'node:http';
import { Pool } from 'pg';

/**
 * The least a command can cost here, as its own process: node:http, the body parsed, one
 * single-row INSERT of it in its own transaction (waiting for the disk, as the log's appends
 * do), a JSON answer. `/echo` answers the parsed body without PostgreSQL. No framework, no
 * validation, no Kafka, no read model, no SMS. `/event` inserts into the table the floor's relay
 * reads, for the floor of the whole pipeline.
 */
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 16 });

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { streamId: string };
    const answer = (status: number, reply: unknown) => {
      const text = JSON.stringify(reply);
      res.writeHead(status, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(text),
      });
      res.end(text);
    };
    if (req.url === '/echo') return answer(200, body);
    const table = req.url === '/event' ? 'bench_floor_event' : 'bench_floor_command';
    pool
      .query<{ id: string }>(
        `INSERT INTO ${table} (stream_id, data) VALUES ($1, $2) RETURNING id`,
        [body.streamId, body],
      )
      .then(({ rows }) => answer(201, { id: rows[0]?.id }))
      .catch((error: unknown) => answer(500, { error: String(error) }));
  });
});

server.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('listening'));
process.on('SIGTERM', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
