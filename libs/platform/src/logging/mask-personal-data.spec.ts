import { maskLogFields, maskPersonalData } from './mask-personal-data';

describe('personal data in a log line', () => {
  it('masks an ID number and a mobile wherever they stand', () => {
    expect(maskPersonalData('/api/residents/37081119400301021X/coverage')).toBe(
      '/api/residents/370***********021X/coverage',
    );
    expect(maskPersonalData('resident-370811194003010217 to 13912345678')).toBe(
      'resident-370***********0217 to 139****5678',
    );
  });

  it('leaves ticket ids, positions and timestamps alone', () => {
    for (const text of ['town-1-20261205-0001', 'position 1796436436841', 'ab13912345678'])
      expect(maskPersonalData(text)).toBe(text);
  });

  it('masks every string of the fields, errors included', () => {
    const masked = maskLogFields({
      url: '/x?phone=13912345678',
      nested: [{ id: '370811194003010217' }],
      err: new Error('no resident 370811194003010217'),
    }) as { url: string; nested: { id: string }[]; err: Error };
    expect(masked.url).toBe('/x?phone=139****5678');
    expect(masked.nested[0]?.id).toBe('370***********0217');
    expect(masked.err).toBeInstanceOf(Error);
    expect(masked.err.message).toBe('no resident 370***********0217');
  });
});
