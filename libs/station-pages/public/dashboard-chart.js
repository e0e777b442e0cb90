// Hourly arrivals against services completed, drawn by uPlot (kept from npm, served locally).
(() => {
  const ARRIVALS = '#0a6e5c';
  const SERVED = '#c4421a';
  // The stations' usual day; hours outside it show only when something happened in them.
  const DAY_FROM = 8;
  const DAY_TO = 18;

  function hoursShown(hourly) {
    const busy = hourly.filter((h) => h.arrivals || h.served).map((h) => h.hour);
    return [Math.min(DAY_FROM, ...busy), Math.max(DAY_TO, ...busy)];
  }

  function dataOf(hourly) {
    const [from, to] = hoursShown(hourly);
    const shown = hourly.filter((h) => h.hour >= from && h.hour <= to);
    return [shown.map((h) => h.hour), shown.map((h) => h.arrivals), shown.map((h) => h.served)];
  }

  function options(width, height, words) {
    const bars = window.uPlot.paths.bars({ size: [0.6, 28] });
    return {
      width,
      height,
      legend: { show: true, live: false },
      cursor: { drag: { x: false, y: false } },
      scales: {
        // Half an hour either side, so the first and last hours' bars show whole.
        x: { time: false, range: (_, min, max) => [min - 0.5, max + 0.5] },
        y: { range: (_, __, max) => [0, Math.max(4, max + 1)] },
      },
      axes: [
        { values: (_, ticks) => ticks.map((t) => `${t}${words.hour}`), space: 36 },
        { values: (_, ticks) => ticks.map((t) => (Number.isInteger(t) ? String(t) : '')) },
      ],
      series: [
        { label: words.hour },
        { label: words.arrivals, stroke: ARRIVALS, fill: 'rgba(10,110,92,0.35)', paths: bars },
        { label: words.served, stroke: SERVED, width: 2, points: { size: 6, fill: SERVED } },
      ],
    };
  }

  /** A chart in `target` that follows new figures and the reader's language. */
  function hourlyChart(target, words) {
    let chart;
    let current = [];
    const width = () => Math.max(280, target.clientWidth);
    const build = (hourly) => {
      if (chart) chart.destroy();
      chart = new window.uPlot(options(width(), 220, words), dataOf(hourly), target);
    };
    const resize = () => chart && chart.setSize({ width: width(), height: 220 });
    window.addEventListener('resize', resize);
    return {
      show(hourly) {
        const [from, to] = hoursShown(hourly);
        const [oldFrom, oldTo] = current.length ? hoursShown(current) : [];
        current = hourly;
        // Same hours: new values in place; other hours: the axis changes, so a new chart.
        if (chart && from === oldFrom && to === oldTo) chart.setData(dataOf(hourly));
        else build(hourly);
      },
      relabel(newWords) {
        words = newWords;
        if (current.length) build(current);
      },
      destroy() {
        window.removeEventListener('resize', resize);
        if (chart) chart.destroy();
      },
    };
  }

  /** The district's hours: every station's added up. */
  function sumHours(cards) {
    return Array.from({ length: 24 }, (_, hour) => ({
      hour,
      arrivals: cards.reduce((s, c) => s + c.hourly[hour].arrivals, 0),
      served: cards.reduce((s, c) => s + c.hourly[hour].served, 0),
    }));
  }

  window.CircleChart = { hourlyChart, sumHours };
})();
