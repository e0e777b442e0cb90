/**
 * Runs `step` again and again, `everyMs` apart, until the returned stop is called; stop waits
 * for the step in hand, so whatever it measures is complete when stop resolves.
 */
export function repeatUntilStopped(
  step: () => Promise<void>,
  everyMs: number,
): () => Promise<void> {
  let running = true;
  const loop = (async () => {
    while (running) {
      await step();
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return async () => {
    running = false;
    await loop;
  };
}
