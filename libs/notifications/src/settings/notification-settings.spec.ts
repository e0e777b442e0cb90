import { ConfigError } from '@circle/platform';
import { loadNotificationSettings } from './notification-settings';

describe('loadNotificationSettings', () => {
  it('sends through the sandbox with no quiet hours by default', () => {
    const s = loadNotificationSettings({});
    expect(s).toMatchObject({
      provider: 'sandbox',
      quietHours: null,
      ratePerSecond: 100,
      turnNear: { position: 3, byStation: {} },
      http: null,
      callbackSecret: null,
    });
    expect(s.topics).toContain('circle.walkins');
  });

  it('reads the HTTP gateway, its credentials and rules', () => {
    const s = loadNotificationSettings({
      SMS_PROVIDER: 'http',
      SMS_HTTP_URL: 'http://127.0.0.1:9/send',
      SMS_HTTP_USER: 'circle',
      SMS_HTTP_PASSWORD: 'pw',
      SMS_HTTP_SUCCESS: 'result.code=OK',
      SMS_QUIET_HOURS: '22:00-08:00',
      SMS_TURN_NEAR_BY_STATION: 'hall=5, town-1=2',
      SMS_CALLBACK_SECRET: 'a-callback-secret-of-length',
    });
    expect(s.http).toMatchObject({
      url: 'http://127.0.0.1:9/send',
      headers: { authorization: `Basic ${Buffer.from('circle:pw').toString('base64')}` },
      success: { field: 'result.code', value: 'OK' },
      dedupes: true,
    });
    expect(s.quietHours).toEqual({ startMinute: 1320, endMinute: 480 });
    expect(s.turnNear.byStation).toEqual({ hall: 5, 'town-1': 2 });
  });

  it.each([
    [{ SMS_PROVIDER: 'carrier-pigeon' }, 'SMS_PROVIDER'],
    [{ SMS_PROVIDER: 'http' }, 'SMS_HTTP_URL'],
    [{ SMS_PROVIDER: 'http', SMS_HTTP_URL: 'ftp://x' }, 'SMS_HTTP_URL'],
    [
      { SMS_PROVIDER: 'http', SMS_HTTP_URL: 'http://x', SMS_HTTP_BODY: '{"to":"{{phone}}"}' },
      'SMS_HTTP_BODY',
    ],
    [
      { SMS_PROVIDER: 'http', SMS_HTTP_URL: 'http://x', SMS_HTTP_BODY: '{{phone}}{{text}}' },
      'SMS_HTTP_BODY',
    ],
    [
      { SMS_PROVIDER: 'http', SMS_HTTP_URL: 'http://x', SMS_HTTP_SUCCESS: 'ok' },
      'SMS_HTTP_SUCCESS',
    ],
    [{ SMS_QUIET_HOURS: '22-8' }, 'SMS_QUIET_HOURS'],
    [{ SMS_RATE_PER_SECOND: '-1' }, 'SMS_RATE_PER_SECOND'],
    [{ SMS_TURN_NEAR_BY_STATION: 'hall' }, 'SMS_TURN_NEAR_BY_STATION'],
    [{ SMS_CALLBACK_SECRET: 'short' }, 'SMS_CALLBACK_SECRET'],
  ])('stops on a bad variable and names it (%j)', (env, variable) => {
    expect(() => loadNotificationSettings(env)).toThrow(ConfigError);
    expect(() => loadNotificationSettings(env)).toThrow(variable);
  });
});
