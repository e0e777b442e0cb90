/**
 * A binary min-heap of node ids with decrease-key: each node is in the heap at most once, so
 * the heap never outgrows the graph and a search allocates nothing. Keys sit beside the ids in
 * heap order, so sifting compares neighbours in memory rather than chasing each id's key.
 */
export class NodeHeap {
  private readonly items: Int32Array;
  private readonly keys: Float64Array;
  /** Where each node sits in `items`, or -1. */
  private readonly slot: Int32Array;
  private length = 0;

  constructor(capacity: number) {
    this.items = new Int32Array(capacity);
    this.keys = new Float64Array(capacity);
    this.slot = new Int32Array(capacity).fill(-1);
  }

  get size(): number {
    return this.length;
  }

  /** Adds the node at `key`, or moves it up to its new, lower key. */
  push(node: number, key: number): void {
    let at = this.slot[node];
    if (at < 0) at = this.length++;
    this.up(at, node, key);
  }

  pop(): number {
    const top = this.items[0];
    this.slot[top] = -1;
    const last = --this.length;
    if (last > 0) this.down(this.items[last], this.keys[last]);
    return top;
  }

  clear(): void {
    for (let i = 0; i < this.length; i++) this.slot[this.items[i]] = -1;
    this.length = 0;
  }

  private up(at: number, node: number, key: number): void {
    const { items, keys, slot } = this;
    while (at > 0) {
      const parentAt = (at - 1) >> 1;
      if (keys[parentAt] <= key) break;
      const parent = items[parentAt];
      items[at] = parent;
      keys[at] = keys[parentAt];
      slot[parent] = at;
      at = parentAt;
    }
    items[at] = node;
    keys[at] = key;
    slot[node] = at;
  }

  /** Sifts `node` down from the root, where the last item is moved after a pop. */
  private down(node: number, key: number): void {
    const { items, keys, slot, length } = this;
    const half = length >> 1;
    let at = 0;
    while (at < half) {
      let child = 2 * at + 1;
      if (child + 1 < length && keys[child + 1] < keys[child]) child++;
      if (keys[child] >= key) break;
      items[at] = items[child];
      keys[at] = keys[child];
      slot[items[at]] = at;
      at = child;
    }
    items[at] = node;
    keys[at] = key;
    slot[node] = at;
  }
}
