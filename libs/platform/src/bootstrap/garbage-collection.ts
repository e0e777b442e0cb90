import { setFlagsFromString } from 'node:v8';

/**
 * V8 allocates straight into the old generation the objects of any allocation site whose objects
 * once survived a collection, so a burst of requests taught it to place each later request's
 * response headers, bill breakdown and database rows there. Those die within milliseconds but
 * stay until a full collection, and every young object they point at makes each minor collection
 * slower. Measured in the hospital at 200 quotes/s: 0.3 MB instead of 1.1 MB moved to the old
 * generation per minor collection, 1–2 ms per minor collection instead of 3–4 (up to 11), half as
 * many full ones. A request's pause is the collection it meets.
 */
export function keepRequestGarbageYoung(): void {
  setFlagsFromString('--no-allocation-site-pretenuring');
}
