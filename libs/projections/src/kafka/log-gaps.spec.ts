import { describeGap, gapOf } from './log-gaps';

describe('log gaps', () => {
  const marks = { partition: 2, low: '100', high: '250' };

  it('finds none while the checkpoint lies within what Kafka holds', () => {
    expect(gapOf('circle.walkins', marks, '100')).toBeUndefined();
    expect(gapOf('circle.walkins', marks, '250')).toBeUndefined();
    expect(
      gapOf('circle.walkins', { partition: 0, low: '0', high: '0' }, undefined),
    ).toBeUndefined();
  });

  it('finds a checkpoint below the first offset Kafka still keeps', () => {
    const gap = gapOf('circle.walkins', marks, '40');
    expect(gap).toEqual({
      topic: 'circle.walkins',
      partition: 2,
      checkpoint: '40',
      low: '100',
      high: '250',
    });
    expect(describeGap(gap!)).toContain('records 40 to 99 are gone');
  });

  it('finds a checkpoint past the end of a topic that was made anew', () => {
    expect(describeGap(gapOf('circle.walkins', marks, '900')!)).toContain('made anew');
  });

  it('finds no checkpoint on a log that no longer starts at 0', () => {
    expect(gapOf('circle.walkins', marks, undefined)?.checkpoint).toBeNull();
  });
});
