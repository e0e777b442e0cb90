import { cliSettings, positiveInteger, projectionArgs } from './cli-settings';

describe('command-line settings', () => {
  it('read a projection name and optional topics', () => {
    expect(projectionArgs(['event_count_by_stream'])).toEqual({ name: 'event_count_by_stream' });
    expect(projectionArgs(['fault_probe', '--topics', 'a,b'])).toEqual({
      name: 'fault_probe',
      topics: ['a', 'b'],
    });
    expect(() => projectionArgs([])).toThrow(/usage/);
    expect(() => projectionArgs(['x', '--topics'])).toThrow(/--topics/);
  });

  it('default to the local infrastructure', () => {
    expect(cliSettings({})).toEqual({
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/service_circle',
      kafkaBrokers: ['127.0.0.1:9092'],
    });
    expect(cliSettings({ KAFKA_BROKERS: 'a:1, b:2' }).kafkaBrokers).toEqual(['a:1', 'b:2']);
  });

  it('refuse a crash point that is not a positive whole number', () => {
    expect(positiveInteger({ N: '12' }, 'N')).toBe(12);
    expect(positiveInteger({}, 'N')).toBeUndefined();
    expect(() => positiveInteger({ N: '0' }, 'N')).toThrow(/positive/);
  });
});
