import { personSearch } from './person-search';

const fieldOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    return (error as { fields: { field: string }[] }).fields[0]?.field;
  }
  return undefined;
};

describe('a search for a person', () => {
  it('by name and birth date compares the name as keyed', () => {
    expect(personSearch({ name: '王 小明', birthDate: '1985-04-02' })).toEqual({
      by: 'name',
      nameKey: '王小明',
      birthDate: '1985-04-02',
    });
  });

  it('by phone alone', () => {
    expect(personSearch({ phone: '13800138000' })).toEqual({ by: 'phone', phone: '13800138000' });
    expect(fieldOf(() => personSearch({ phone: '13800138000', name: '王小明' }))).toBe('phone');
  });

  it('names the field that is missing or wrong', () => {
    expect(fieldOf(() => personSearch({}))).toBe('name');
    expect(fieldOf(() => personSearch({ name: '王小明' }))).toBe('birthDate');
    expect(fieldOf(() => personSearch({ birthDate: '1985-04-02' }))).toBe('name');
    expect(fieldOf(() => personSearch({ name: '  ', birthDate: '1985-04-02' }))).toBe('name');
    expect(fieldOf(() => personSearch({ name: '王小明', birthDate: '1985-02-30' }))).toBe(
      'birthDate',
    );
  });
});
