// A node's previous link when it is filed nowhere.
const UNFILED = -2;

/**
 * The buckets of a shortest-path search (Dial's queue): nodes filed by their minutes in buckets
 * `width` wide, in a ring that covers the longest edge, so filing and taking are O(1) and a
 * sweep of a million-node graph costs little more than visiting it.
 *
 * Each bucket is a list linked both ways through the nodes themselves, so a node sits in at
 * most one bucket and a shorter path moves it without leaving anything behind. With the width
 * at most the shortest edge, nodes of one bucket cannot shorten each other and each is taken
 * once, as in Dijkstra's search; with a wider bucket a node can be shortened by a neighbour of
 * its own bucket and is taken again, so the answer stays exact either way.
 */
export class BucketQueue {
  /** Per slot of the ring, the first node filed there, or -1. */
  private heads: Int32Array;
  /**
   * Per node its next and previous node in its bucket, side by side: filing a node reads and
   * writes one cache line, which on a million nodes is most of what a search costs.
   */
  private readonly links: Int32Array;
  private inverseWidth = 1;
  private mask = 0;
  /** The bucket being emptied, counted from zero minutes. */
  private current = 0;
  private count = 0;

  constructor(nodeCount: number) {
    this.heads = new Int32Array(1).fill(-1);
    this.links = new Int32Array(nodeCount * 2).fill(UNFILED);
  }

  get size(): number {
    return this.count;
  }

  /** Empties the queue for minutes up to `longestEdge` apart, filed `width` wide. */
  reset(width: number, longestEdge: number): void {
    // A search ends with every node taken, so none is still filed; a search cut short is not.
    if (this.count > 0) this.links.fill(UNFILED);
    this.inverseWidth = 1 / width;
    // A power of two, so a slot is a mask of the bucket number: one more bucket than the
    // longest edge spans, and one for rounding.
    let ring = 1;
    while (ring < Math.floor(longestEdge * this.inverseWidth) + 3) ring *= 2;
    if (ring > this.heads.length) this.heads = new Int32Array(ring);
    this.mask = ring - 1;
    this.heads.fill(-1, 0, ring);
    this.current = 0;
    this.count = 0;
  }

  /** Starts the ring at these minutes: nothing earlier may be filed after. */
  startAt(minutes: number): void {
    this.current = this.bucketOf(minutes);
  }

  /** The bucket minutes fall in. */
  bucketOf(minutes: number): number {
    return Math.floor(minutes * this.inverseWidth);
  }

  /** The bucket the queue will empty next, without taking anything. */
  nextBucket(): number {
    // Every filed node lies within one turn of the ring: a longer walk is a broken invariant,
    // and failing beats spinning forever.
    for (let steps = 0; this.heads[this.current & this.mask] < 0; steps++) {
      if (steps > this.mask)
        throw new Error(`no filed node within a turn of bucket ${this.current}`);
      this.current++;
    }
    return this.current;
  }

  /**
   * Files the node at its new minutes, moving it if it waits in another bucket. `filedAt` is
   * the minutes it was last filed at (its minutes before this change): a filed node's bucket
   * follows from them, so the queue keeps no bucket per node.
   */
  push(node: number, minutes: number, filedAt: number): void {
    // Rounding can put a sum a hair below the bucket being emptied: it goes in that bucket.
    // A node filed earlier was filed at the bucket then emptied or later; it is still waiting,
    // so that bucket is not yet passed and the same rule names it now.
    // Bucket numbers are whole doubles below 2^53; masking keeps their low bits exactly.
    const slot = this.slotOf(minutes);
    const links = this.links;
    const at = node * 2;
    if (links[at + 1] !== UNFILED) {
      const filed = this.slotOf(filedAt);
      if (filed === slot) return;
      this.unlink(node, filed);
    }
    const head = this.heads[slot];
    links[at] = head;
    links[at + 1] = -1;
    if (head >= 0) links[head * 2 + 1] = node;
    this.heads[slot] = node;
    this.count++;
  }

  /** Takes a node of the earliest bucket. */
  pop(): number {
    const slot = this.nextBucket() & this.mask;
    const node = this.heads[slot];
    this.unlink(node, slot);
    return node;
  }

  private slotOf(minutes: number): number {
    return Math.max(this.current, Math.floor(minutes * this.inverseWidth)) & this.mask;
  }

  private unlink(node: number, slot: number): void {
    const links = this.links;
    const before = links[node * 2 + 1];
    const after = links[node * 2];
    if (before >= 0) links[before * 2] = after;
    else this.heads[slot] = after;
    if (after >= 0) links[after * 2 + 1] = before;
    links[node * 2 + 1] = UNFILED;
    this.count--;
  }
}
