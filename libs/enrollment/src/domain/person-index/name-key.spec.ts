import { nameKey } from './name-key';

describe('the key a name is searched by', () => {
  it('leaves out spaces, full-width ones too', () => {
    expect(nameKey(' 王 小明 ')).toBe('王小明');
    expect(nameKey('王\u3000小明')).toBe('王小明');
  });

  it('takes every middle dot a keyboard makes as one', () => {
    const key = nameKey('阿卜杜·热合曼');
    expect(nameKey('阿卜杜・热合曼')).toBe(key);
    expect(nameKey('阿卜杜•热合曼')).toBe(key);
    expect(nameKey('阿卜杜\u2027热合曼')).toBe(key);
  });

  it('ignores the case of Latin letters and composes accents', () => {
    expect(nameKey('Li Na')).toBe(nameKey('LI NA'));
    expect(nameKey('Zoe\u0301')).toBe(nameKey('Zoé'));
  });
});
