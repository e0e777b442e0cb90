import { parseNationalId } from '../../../enrollment/src/domain/national-id';
import { simulatedResident } from './simulated-resident';

describe('a simulated resident', () => {
  it('has a valid ID number (GB 11643 check digit), a mobile number and a name', () => {
    for (let index = 0; index < 3_000; index += 7) {
      const p = simulatedResident(index, 7, '2022-01-01');
      expect(parseNationalId(p.residentId, '2022-01-01').ok).toBe(true);
      expect(p.phone).toMatch(/^1[358]\d{9}$/);
      expect(p.name).toHaveLength(3);
    }
  });

  it('is the same person for the same seed and index, and nobody shares an ID or phone', () => {
    expect(simulatedResident(42, 7, '2022-01-01')).toEqual(simulatedResident(42, 7, '2022-01-01'));
    const people = Array.from({ length: 20_000 }, (_, i) => simulatedResident(i, 7, '2022-01-01'));
    expect(new Set(people.map((p) => p.residentId)).size).toBe(people.length);
    expect(new Set(people.map((p) => p.phone)).size).toBe(people.length);
  });

  it('is in a medical-assistance group one time in twenty, and a chronic patient one in four', () => {
    const people = Array.from({ length: 20_000 }, (_, i) => simulatedResident(i, 3, '2022-01-01'));
    const assisted = people.filter((p) => p.assisted);
    expect(assisted.length / people.length).toBeCloseTo(0.05, 2);
    expect(
      assisted.every((p) =>
        ['extreme-poverty', 'low-income', 'assistance-key'].includes(p.category),
      ),
    ).toBe(true);
    expect(people.filter((p) => p.disease).length / people.length).toBeCloseTo(0.25, 2);
  });
});
