import { isMobileNumber, maskPhone } from './phone';

describe('phone', () => {
  it('masks the middle four digits of a mobile number', () => {
    expect(maskPhone('13905371234')).toBe('139****1234');
  });

  it('masks short and odd numbers without showing most of them', () => {
    expect(maskPhone('0537')).toBe('**37');
    expect(maskPhone('12')).toBe('**');
    expect(maskPhone('053723456789')).toBe('053*****6789');
  });

  it('accepts only 11-digit numbers starting with 1', () => {
    expect(isMobileNumber('13905371234')).toBe(true);
    expect(isMobileNumber('1390537123')).toBe(false);
    expect(isMobileNumber('23905371234')).toBe(false);
    expect(isMobileNumber('1390537123a')).toBe(false);
  });
});
