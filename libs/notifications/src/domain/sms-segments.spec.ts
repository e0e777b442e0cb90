import fc from 'fast-check';
import { smsSegments } from './sms-segments';

describe('smsSegments', () => {
  it('counts a short English text as one GSM-7 part', () => {
    const s = smsSegments('Your turn is near: A012 at Xuzhuang station.');
    expect(s).toMatchObject({
      encoding: 'GSM-7',
      units: 44,
      parts: ['Your turn is near: A012 at Xuzhuang station.'],
    });
  });

  it('holds 160 GSM-7 characters in one part and splits 161 into 153 + 8', () => {
    expect(smsSegments('a'.repeat(160)).parts).toHaveLength(1);
    expect(smsSegments('a'.repeat(161)).parts.map((p) => p.length)).toEqual([153, 8]);
  });

  it('counts escaped GSM characters twice and never cuts one in half', () => {
    const s = smsSegments(`${'a'.repeat(152)}€${'b'.repeat(8)}`);
    expect(s.units).toBe(162);
    expect(s.parts).toEqual(['a'.repeat(152), `€${'b'.repeat(8)}`]);
  });

  it('holds 70 Chinese characters in one part and splits 71 into 67 + 4', () => {
    expect(smsSegments('医'.repeat(70)).parts).toHaveLength(1);
    const s = smsSegments('医'.repeat(71));
    expect(s).toMatchObject({ encoding: 'UCS-2', characters: 71, units: 71 });
    expect(s.parts.map((p) => p.length)).toEqual([67, 4]);
  });

  it('sends a mostly English text with one Chinese character as UCS-2', () => {
    expect(smsSegments('Hello 王').encoding).toBe('UCS-2');
  });

  it('keeps a surrogate pair whole across parts', () => {
    const s = smsSegments(`${'医'.repeat(66)}😀x${'医'.repeat(10)}`);
    expect(s.parts[0]).toBe('医'.repeat(66));
    expect(s.parts[1]!.startsWith('😀')).toBe(true);
  });

  it('loses and reorders nothing, and no part passes its limit', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        const s = smsSegments(text);
        expect(s.parts.join('')).toBe(text);
        const single = s.parts.length === 1;
        for (const part of s.parts) {
          const units = s.encoding === 'UCS-2' ? part.length : smsSegments(part).units;
          const limit = s.encoding === 'UCS-2' ? (single ? 70 : 67) : single ? 160 : 153;
          expect(units).toBeLessThanOrEqual(limit);
        }
      }),
    );
  });
});
