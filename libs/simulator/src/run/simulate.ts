import { setMaxListeners } from 'node:events';
import { SEED_RATES } from '../domain/district-rates';
import { DistrictPlanner } from '../domain/district-planner';
import { instantOf, playedDays } from '../domain/played-days';
import { DEMO_STATIONS } from '../domain/simulated-district';
import type { SimulationOptions, SimulationSummary } from '../simulation.types';
import { BusinessDesk } from './business-desk';
import { CircleClient } from './circle-client';
import { SimulatedClock } from './simulated-clock';
import { StationDay } from './station-day';
import { Tally } from './tally';

const PROGRESS_MS = 2_000;

/**
 * Plays the district's visits between `from` and `to` through the apps' HTTP API, as the
 * kiosks and clerks would, and never touches the database. The apps stamp every event with
 * their own clock: simulated months played in an hour land in this hour's log and reports;
 * the simulated date goes where an API takes one (a bill's date, the benefit year).
 */
export async function simulate(options: SimulationOptions): Promise<SimulationSummary> {
  // Every station and counter sleeps on the one stop signal at once, and each sleep removes its
  // listener again; Node's leak warning at eleven listeners would fire on any district of ten.
  if (options.signal) setMaxListeners(0, options.signal);
  const started = Date.now();
  const tally = new Tally();
  const client = new CircleClient(
    options.urls,
    (record, body) => {
      tally.command(record, body);
      options.onCommand?.(record);
    },
    options.concurrency ?? 32,
    options.signal,
  );
  const desk = new BusinessDesk(client, options.seed, tally);
  const planner = new DistrictPlanner(
    options.seed,
    options.rates ?? SEED_RATES,
    options.scale ?? 1,
    options.everyStationEveryDay ?? false,
  );
  const clock = new SimulatedClock(options.speedUp, options.signal);
  let stations: StationDay[] = [];
  let day = playedDays(options.from, options.to)[0];
  let lastCommands = 0;
  let lastAt = started;
  const progress = () => {
    const now = Date.now();
    const minute = stations.length
      ? Math.min(...stations.map((s) => s.minute))
      : (day?.fromMinute ?? 0);
    options.onProgress?.({
      simulatedAt: day ? instantOf(day.day, minute) : options.to,
      commands: tally.commands,
      commandsPerSecond: ((tally.commands - lastCommands) * 1000) / Math.max(1, now - lastAt),
      errors: tally.errors,
      fiveHundreds: tally.fiveHundreds,
      wallSeconds: (now - started) / 1000,
    });
    lastCommands = tally.commands;
    lastAt = now;
  };
  const timer = setInterval(progress, PROGRESS_MS);
  let played = 0;
  try {
    for (const d of playedDays(options.from, options.to)) {
      if (options.signal?.aborted) break;
      day = d;
      clock.startDay(d.fromMinute, played);
      const visits = planner.planDay(d.day, d.fromMinute, d.toMinute);
      stations = DEMO_STATIONS.map(
        (s) =>
          new StationDay(
            s,
            visits.filter((v) => v.stationId === s.stationId),
            d.fromMinute,
            d.toMinute,
            client,
            desk,
            clock,
            options.signal,
          ),
      );
      await Promise.all(stations.map((s) => s.play()));
      played += d.toMinute - d.fromMinute;
    }
  } catch (error) {
    if (!options.signal?.aborted) throw error;
  } finally {
    clearInterval(timer);
    client.close();
  }
  progress();
  return tally.summary({
    wallSeconds: (Date.now() - started) / 1000,
    simulatedFrom: options.from,
    simulatedTo: options.to,
    aborted: options.signal?.aborted ?? false,
  });
}
