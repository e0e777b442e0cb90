import { parentPort } from 'node:worker_threads';
import { DistrictGeography } from '../domain/district-geography';
import { minutesPerStationSet } from '../domain/station-set-minutes';
import type { FromSearchThread, ToSearchThread } from './mode-search.messages';

// One travel mode's searches on a thread of their own (ModeSearches starts it).
let geography: DistrictGeography | undefined;

function answer(message: ToSearchThread): FromSearchThread {
  if (message.kind === 'load') {
    geography = new DistrictGeography(message.network, message.communities, message.speeds);
    // Edge minutes, the node index and the communities' snaps, ahead of the first search.
    geography.mode(message.mode);
    return { kind: 'loaded', id: message.id };
  }
  if (!geography) throw new Error('a search came before any geography');
  const { ids, lon, lat } = message.stations;
  const sets = message.sets.map((members, i) => ({
    key: String(i),
    stations: Array.from(members, (s) => ({
      stationId: ids[s] ?? '',
      location: { lon: lon[s] ?? 0, lat: lat[s] ?? 0 },
    })),
  }));
  const minutes = minutesPerStationSet(geography, message.mode, sets);
  return {
    kind: 'found',
    id: message.id,
    minutes: sets.map((set) => minutes.get(set.key) ?? new Float64Array(0)),
  };
}

parentPort?.on('message', (message: ToSearchThread) => {
  let reply: FromSearchThread;
  try {
    reply = answer(message);
  } catch (error) {
    reply = { kind: 'failed', id: message.id, message: String(error) };
  }
  const buffers = reply.kind === 'found' ? reply.minutes.map((m) => m.buffer as ArrayBuffer) : [];
  parentPort?.postMessage(reply, buffers);
});
