import { newPersonKey, wrapPersonKey } from './person-key-cipher';
import { loadPersonKeyring, PersonKeyring, type RowQuery } from './person-keyring';
import { ERASED } from './erased';

describe('a keyring of person keys', () => {
  const master = newPersonKey();

  it('looks up every person of a chunk in one statement and opens their fields', async () => {
    const statements: string[] = [];
    const stored = new Map([['p1', wrapPersonKey(master, 'p1', newPersonKey())]]);
    const query = (async (sql: string) => {
      statements.push(sql);
      return [...stored].map(([person_id, wrapped_key]) => ({ person_id, wrapped_key }));
    }) as RowQuery;
    const keyring = await loadPersonKeyring(query, master, ['p1', 'p2', 'p1']);
    expect(statements).toHaveLength(1);
    const sealed = keyring.seal('p1', { name: '王小明', address: undefined });
    expect(keyring.open('p1', sealed)).toEqual({ name: '王小明', address: undefined });
    // p2 has no key: erased, or never sealed anything.
    expect(keyring.seal('p2', { name: '李四' })).toEqual({ name: ERASED });
    expect(keyring.open('p2', sealed)).toEqual({ name: ERASED });
  });

  it('asks nothing for nobody', async () => {
    const query = (async () => {
      throw new Error('no statement expected');
    }) as RowQuery;
    expect(await loadPersonKeyring(query, master, [])).toBeInstanceOf(PersonKeyring);
  });

  it('reads a value sealed with a since-deleted key as erased under a key made anew for the id', () => {
    const before = new PersonKeyring(new Map([['tel-1', newPersonKey()]]));
    const sealed = before.seal('tel-1', { phone: '13900001111' });
    const after = new PersonKeyring(new Map([['tel-1', newPersonKey()]]));
    expect(after.open('tel-1', sealed)).toEqual({ phone: ERASED });
    expect(after.open('tel-1', after.seal('tel-1', { phone: '13900001111' }))).toEqual({
      phone: '13900001111',
    });
  });

  it("reads an erased person's values as erased, those written before sealing too", () => {
    const keyring = new PersonKeyring(new Map(), new Set(['p1']));
    expect(keyring.open('p1', { name: '王小明', phone: null })).toEqual({
      name: ERASED,
      phone: undefined,
    });
    expect(keyring.open('p2', { name: '李四' })).toEqual({ name: '李四' });
  });
});
