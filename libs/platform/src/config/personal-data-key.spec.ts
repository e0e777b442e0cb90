import { ConfigError } from './config-error';
import { DEV_PERSONAL_DATA_MASTER_KEY, loadPersonalDataMasterKey } from './personal-data-key';

describe('the personal data master key', () => {
  const key = 'ab'.repeat(32);

  it('is read as 32 bytes from 64 hex characters', () => {
    expect(loadPersonalDataMasterKey({ PERSONAL_DATA_MASTER_KEY: key })).toEqual(
      Buffer.from(key, 'hex'),
    );
  });

  it('falls back to the demo key outside production only', () => {
    expect(loadPersonalDataMasterKey({}).toString('hex')).toBe(DEV_PERSONAL_DATA_MASTER_KEY);
    expect(() => loadPersonalDataMasterKey({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() =>
      loadPersonalDataMasterKey({
        NODE_ENV: 'production',
        PERSONAL_DATA_MASTER_KEY: DEV_PERSONAL_DATA_MASTER_KEY,
      }),
    ).toThrow(/demo key/);
    expect(
      loadPersonalDataMasterKey({ NODE_ENV: 'production', PERSONAL_DATA_MASTER_KEY: key }),
    ).toHaveLength(32);
  });

  it('refuses a malformed key by name', () => {
    expect(() => loadPersonalDataMasterKey({ PERSONAL_DATA_MASTER_KEY: 'short' })).toThrow(
      /PERSONAL_DATA_MASTER_KEY/,
    );
  });
});
