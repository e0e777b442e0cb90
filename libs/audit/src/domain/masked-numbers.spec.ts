import fc from 'fast-check';
import { maskPersonalNumbers } from './masked-numbers';

describe('maskPersonalNumbers', () => {
  it.each([
    ['benefit-year-370811198504021239-2022', 'benefit-year-**************1239-2022'],
    ['person-11010519491231002X', 'person-**************002X'],
    ['person-11010519491231002x', 'person-**************002x'],
    ['legacy-370811850402123', 'legacy-***********2123'],
    ['sms-13800138000', 'sms-138****8000'],
    ['queue-town-1-20261204', 'queue-town-1-20261204'],
    ['town-1-20261204-0012', 'town-1-20261204-0012'],
    ['claim-7f3c9a0e-1b2d-4c5e-8f90-a1b2c3d4e5f6', 'claim-7f3c9a0e-1b2d-4c5e-8f90-a1b2c3d4e5f6'],
  ])('masks %s as %s', (text, masked) => {
    expect(maskPersonalNumbers(text)).toBe(masked);
  });

  it('never leaves 17 digits of an ID in a row, wherever the ID sits', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 20 }),
        fc.stringMatching(/^\d{17}[\dX]$/),
        fc.string({ maxLength: 20 }),
        (before, id, after) => {
          const masked = maskPersonalNumbers(`${before}${id}${after}`);
          expect(masked).not.toContain(id.slice(0, 14));
        },
      ),
    );
  });
});
