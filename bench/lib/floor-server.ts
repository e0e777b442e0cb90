import { createServer } from 'node:http';
import { Pool } from 'pg';

/**
 * The least a command can cost here, as its own process: node:http, the body parsed, one
 * single-row INSERT of it in its own transaction (waiting for the disk, as the log's appends
 * do), a JSON answer. `/echo` answers the parsed body without PostgreSQL. No framework, no
 * validation, no Kafka, no read model, no SMS. `/event` inserts into the table the floor's relay
 * reads, for the floor of the whole pipeline. `/read` asks the log what a quote asks it: the
 * events of the body's person and benefit year after the versions already known (none, as a
 * hospital that has seen them finds), in the one statement a quote sends. `/settle` reads so,
 * then inserts as `/event` does: the least a settlement must ask PostgreSQL.
 */
// Connections are never closed for idleness: a new one would cost the floor a backend's start.
const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: 16,
  idleTimeoutMillis: 0,
});

const READ = {
  name: 'floor-read',
  text: `SELECT stream_id, stream_version, event_type, data FROM events
     WHERE (stream_id = $1 AND stream_version >= $2) OR (stream_id = $3 AND stream_version >= $4)
     ORDER BY stream_id, stream_version`,
};
const UNSEEN = 1_000_000;

function read(residentId: string) {
  const year = new Date().getFullYear();
  const values = [`resident-${residentId}`, UNSEEN, `benefit-year-${residentId}-${year}`];
  return pool.query({ ...READ, values: [...values, UNSEEN] });
}

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
      streamId: string;
      residentId?: string;
    };
    const answer = (status: number, reply: unknown) => {
      const text = JSON.stringify(reply);
      res.writeHead(status, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(text),
      });
      res.end(text);
    };
    if (req.url === '/echo') return answer(200, body);
    const residentId = String(body.residentId ?? body.streamId);
    if (req.url === '/read')
      return void read(residentId)
        .then(({ rows }) => answer(200, { ...body, events: rows.length }))
        .catch((error: unknown) => answer(500, { error: String(error) }));
    const table = req.url === '/command' ? 'bench_floor_command' : 'bench_floor_event';
    const insert = () =>
      pool.query<{ id: string }>(
        `INSERT INTO ${table} (stream_id, data) VALUES ($1, $2) RETURNING id`,
        [body.streamId, body],
      );
    (req.url === '/settle' ? read(residentId).then(insert) : insert())
      .then(({ rows }) => answer(201, { id: rows[0]?.id }))
      .catch((error: unknown) => answer(500, { error: String(error) }));
  });
});

server.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('listening'));
process.on('SIGTERM', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
