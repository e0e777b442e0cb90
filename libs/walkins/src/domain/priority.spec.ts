import { makeNationalId } from '../../../enrollment/src/domain/national-id';
import { classifyTicket } from './priority';
import { DEFAULT_WALKINS_SETTINGS } from './walkins-settings';

const today = '2024-06-03';
const bornIn = (date: string) => makeNationalId('370811', date, 11);

describe('priority classes', () => {
  it('makes a resident of 70 or more elderly from the ID birth date', () => {
    expect(
      classifyTicket({ residentId: bornIn('1954-06-03'), today }, DEFAULT_WALKINS_SETTINGS),
    ).toBe('elderly');
    expect(
      classifyTicket({ residentId: bornIn('1954-06-04'), today }, DEFAULT_WALKINS_SETTINGS),
    ).toBe('regular');
  });

  it('refuses an elderly claim the ID contradicts, and a bad ID', () => {
    expect(() =>
      classifyTicket(
        { declared: 'elderly', residentId: bornIn('1990-01-01'), today },
        DEFAULT_WALKINS_SETTINGS,
      ),
    ).toThrow(
      expect.objectContaining({ fields: [expect.objectContaining({ field: 'priority' })] }),
    );
    expect(() =>
      classifyTicket({ residentId: '370811199001011234', today }, DEFAULT_WALKINS_SETTINGS),
    ).toThrow(
      expect.objectContaining({ fields: [expect.objectContaining({ field: 'residentId' })] }),
    );
  });

  it('serves a class the district does not honour as regular', () => {
    const settings = { ...DEFAULT_WALKINS_SETTINGS, priorityClasses: ['elderly' as const] };
    expect(classifyTicket({ declared: 'veteran', today }, settings)).toBe('regular');
    expect(classifyTicket({ declared: 'veteran', today }, DEFAULT_WALKINS_SETTINGS)).toBe(
      'veteran',
    );
  });
});
