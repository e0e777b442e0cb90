import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { ERASED, PgPersonalData } from '../../libs/event-store/src';
import { DEV_PERSONAL_DATA_MASTER_KEY } from '../../libs/platform/src/config/personal-data-key';
import { TEST_DATABASE_URL } from '../support/test-env';

describe('person keys in PostgreSQL', () => {
  const pool = new Pool({ connectionString: TEST_DATABASE_URL, max: 2 });
  const master = Buffer.from(DEV_PERSONAL_DATA_MASTER_KEY, 'hex');
  const data = new PgPersonalData(pool, master);

  afterAll(() => pool.end());

  it('seals with the person key, opens it, and keeps only the sealed key in the table', async () => {
    const person = `test-${randomUUID()}`;
    const sealed = await data.seal(person, { name: '王小明', phone: '13912345678' });
    expect(JSON.stringify(sealed)).not.toMatch(/王小明|13912345678/);
    expect(await data.open(person, sealed)).toEqual({ name: '王小明', phone: '13912345678' });
    const { rows } = await pool.query<{ wrapped_key: string }>(
      'SELECT wrapped_key FROM person_keys WHERE person_id = $1',
      [person],
    );
    expect(rows).toHaveLength(1);
    await expect(
      new PgPersonalData(pool, Buffer.alloc(32, 7)).open(person, sealed),
    ).rejects.toThrow();
  });

  it('shows a person erased once the key is deleted, writes nothing of them afterwards, reads their plaintext as erased too', async () => {
    const person = `test-${randomUUID()}`;
    const plain = { name: '李四', address: undefined };
    expect(await data.open(person, plain)).toEqual(plain);
    const sealed = await data.seal(person, { name: '李四' });
    expect(await data.erase(person)).toBe(true);
    expect(await data.open(person, sealed)).toEqual({ name: ERASED });
    const after = await data.seal(person, { name: '李四' });
    expect(after).toEqual({ name: ERASED });
    // A value written before fields were sealed: the person is erased, so it is too.
    expect(await data.open(person, plain)).toEqual({ name: ERASED, address: undefined });
  });
});
