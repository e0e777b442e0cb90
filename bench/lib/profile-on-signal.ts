import { renameSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import path from 'node:path';

/**
 * Preloaded into an app (`node -r dist/bench/lib/profile-on-signal.js`): the first SIGUSR2
 * starts V8's sampling profiler on the main thread, the second writes the profile to
 * `$BENCH_PROFILE_DIR/<pid>.cpuprofile`. So the profile covers the loaded window only, not the
 * start-up's compiling nor the rest; and `node --cpu-prof` would write nothing here, since the
 * apps end on SIGTERM by raising it again once closed.
 */
const dir = process.env.BENCH_PROFILE_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  let running = false;
  process.on('SIGUSR2', () => {
    if (!running) {
      running = true;
      session.post('Profiler.enable', () =>
        session.post('Profiler.setSamplingInterval', { interval: 1000 }, () =>
          session.post('Profiler.start'),
        ),
      );
      return;
    }
    running = false;
    session.post('Profiler.stop', (error, result) => {
      if (error) return;
      // Renamed once whole, so whoever waits for it never reads half a profile.
      const file = path.join(dir, `${process.pid}.cpuprofile`);
      writeFileSync(`${file}.part`, JSON.stringify(result.profile));
      renameSync(`${file}.part`, file);
    });
  });
}
