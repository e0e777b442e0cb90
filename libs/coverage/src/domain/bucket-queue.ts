/**
 * The buckets of a shortest-path search (Dial's queue): nodes filed by their minutes in buckets
 * `width` wide, in a ring that covers the longest edge, so filing and taking are O(1) and a
 * sweep of a million-node graph costs little more than visiting it.
 *
 * A node sits in at most one bucket: a shorter path that keeps it in the same bucket files
 * nothing, one that moves it files it again and the old entry is skipped when taken. With the
 * width at most the shortest edge, nodes of one bucket cannot shorten each other and each is
 * taken once, as in Dijkstra's search; with a wider bucket a node can be shortened by a
 * neighbour of its own bucket and is taken again, so the answer stays exact either way.
 */
export class BucketQueue {
  private heads: Int32Array;
  private width = 1;
  private ring = 1;
  /** The bucket being emptied, counted from zero minutes. */
  private current = 0;
  /** The bucket each node is filed in, or -1. */
  private readonly filed: Float64Array;
  private entryNode: Int32Array;
  private entryNext: Int32Array;
  private free = -1;
  private used = 0;
  private count = 0;

  constructor(nodeCount: number) {
    this.heads = new Int32Array(1).fill(-1);
    this.filed = new Float64Array(nodeCount).fill(-1);
    this.entryNode = new Int32Array(nodeCount);
    this.entryNext = new Int32Array(nodeCount);
  }

  get size(): number {
    return this.count;
  }

  /** Empties the queue for minutes up to `longestEdge` apart, filed `width` wide. */
  reset(width: number, longestEdge: number): void {
    // A search ends with every node taken, so none is still filed; a search cut short is not.
    if (this.count > 0) this.filed.fill(-1);
    this.width = width;
    const ring = Math.floor(longestEdge / width) + 2;
    if (ring > this.heads.length) this.heads = new Int32Array(ring);
    this.ring = ring;
    this.heads.fill(-1, 0, ring);
    this.current = 0;
    this.free = -1;
    this.used = 0;
    this.count = 0;
  }

  /** Starts the ring at these minutes: nothing earlier may be filed after. */
  startAt(minutes: number): void {
    this.current = Math.floor(minutes / this.width);
  }

  /** The bucket minutes fall in. */
  bucketOf(minutes: number): number {
    return Math.floor(minutes / this.width);
  }

  /** The bucket the queue will empty next, without taking anything. */
  nextBucket(): number {
    // Every filed node lies within one turn of the ring: a longer walk is a broken invariant,
    // and failing beats spinning forever.
    for (let steps = 0; this.heads[this.current % this.ring] < 0; steps++) {
      if (steps > this.ring)
        throw new Error(`no filed node within a turn of bucket ${this.current}`);
      this.current++;
    }
    return this.current;
  }

  /** Files the node at its new minutes, unless it already waits in that bucket. */
  push(node: number, minutes: number): void {
    // Rounding can put a sum a hair below the bucket being emptied: it goes in that bucket.
    const bucket = Math.max(this.current, Math.floor(minutes / this.width));
    if (this.filed[node] === bucket) return;
    this.filed[node] = bucket;
    let entry = this.free;
    if (entry >= 0) this.free = this.entryNext[entry];
    else {
      if (this.used === this.entryNode.length) this.grow();
      entry = this.used++;
    }
    const slot = bucket % this.ring;
    this.entryNode[entry] = node;
    this.entryNext[entry] = this.heads[slot];
    this.heads[slot] = entry;
    this.count++;
  }

  /**
   * Takes a node of the earliest bucket; -1 for an entry left behind when a shorter path moved
   * its node to an earlier bucket (skip it).
   */
  pop(): number {
    const bucket = this.nextBucket();
    const slot = bucket % this.ring;
    const entry = this.heads[slot];
    this.heads[slot] = this.entryNext[entry];
    this.entryNext[entry] = this.free;
    this.free = entry;
    this.count--;
    const node = this.entryNode[entry];
    if (this.filed[node] !== bucket) return -1;
    this.filed[node] = -1;
    return node;
  }

  private grow(): void {
    const size = this.entryNode.length * 2 || 16;
    const node = new Int32Array(size);
    const next = new Int32Array(size);
    node.set(this.entryNode);
    next.set(this.entryNext);
    this.entryNode = node;
    this.entryNext = next;
  }
}
