import type { InsuredPersonEvent } from '../insured-person/insured-person.events';
import { personFieldsOf } from './person-fields';

const changed = (changes: { field: string; from: string | null; to: string | null }[]) =>
  ({
    type: 'enrollment.InsuredInformationChanged',
    schemaVersion: 1,
    data: {
      residentId: 'R',
      stationId: 'town-1',
      at: '2024-06-03T01:00:00Z',
      changes,
      reason: null,
    },
  }) as unknown as InsuredPersonEvent;

describe('what the person index reads of an event', () => {
  it('takes the name and phone a change makes, and a cleared phone', () => {
    expect(
      personFieldsOf(
        changed([
          { field: 'name', from: '王小明', to: '王晓明' },
          { field: 'phone', from: '13800138000', to: null },
        ]),
      ),
    ).toEqual({ residentId: 'R', at: '2024-06-03T01:00:00Z', name: '王晓明', phone: null });
  });

  it('passes over a change of anything else', () => {
    expect(personFieldsOf(changed([{ field: 'address', from: null, to: '许庄' }]))).toBeNull();
  });
});
