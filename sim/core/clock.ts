// Virtual time. Nothing in sim/ reads the wall clock: the caller passes `now`, and every
// component that waits puts a wake-up on this one queue. Advancing costs one step per event.

export interface Timer {
  at: number; // ms since the Unix epoch
  seq: number; // insertion order, so equal times pop deterministically
  target: string; // which component wakes (a reconciler name)
  key: string; // what it should look at (for example "default/redis")
}

export interface ClockState {
  now: number;
  seq: number;
  timers: Timer[];
}

export class Clock {
  private nowMs: number;
  private seq = 0;
  private heap: Timer[] = [];
  /** The timers in pop order as toJSON gives them, kept while none is added or removed (frozen: shared). */
  private sorted: readonly Timer[] | undefined;

  constructor(nowMs: number) {
    this.nowMs = nowMs;
  }

  now(): number {
    return this.nowMs;
  }

  /** Moves the clock forward without firing anything (the caller fires due timers first). */
  set(nowMs: number): void {
    if (nowMs > this.nowMs) this.nowMs = nowMs;
  }

  after(ms: number, target: string, key: string): void {
    this.at(this.nowMs + Math.max(0, ms), target, key);
  }

  at(atMs: number, target: string, key: string): void {
    // One pending wake-up per (target, key, time) is enough: duplicates would only re-run a sync.
    for (const t of this.heap) if (t.at === atMs && t.target === target && t.key === key) return;
    this.push({ at: atMs, seq: this.seq++, target, key });
  }

  /** Removes every pending wake-up for (target, key). */
  cancel(target: string, key: string): void {
    const kept = this.heap.filter((t) => !(t.target === target && t.key === key));
    if (kept.length !== this.heap.length) {
      this.heap = [];
      this.sorted = undefined;
      for (const t of kept) this.push(t);
    }
  }

  nextAt(): number | undefined {
    return this.heap[0]?.at;
  }

  pending(): number {
    return this.heap.length;
  }

  /** Pops the earliest timer due at or before `untilMs`, moving the clock to its time. */
  popDue(untilMs: number): Timer | undefined {
    const top = this.heap[0];
    if (!top || top.at > untilMs) return undefined;
    const last = this.heap.pop()!;
    this.sorted = undefined;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      this.siftDown(0);
    }
    if (top.at > this.nowMs) this.nowMs = top.at;
    return top;
  }

  toJSON(): ClockState {
    // Taken before every command (sim/sandbox.ts checkpoint): sorted again only after a change.
    this.sorted ??= Object.freeze([...this.heap].sort(compare));
    return { now: this.nowMs, seq: this.seq, timers: this.sorted as Timer[] };
  }

  static fromJSON(s: ClockState): Clock {
    const c = new Clock(s.now);
    c.seq = s.seq;
    for (const t of s.timers) c.push({ ...t });
    return c;
  }

  private push(t: Timer): void {
    this.sorted = undefined;
    this.heap.push(t);
    let i = this.heap.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (compare(this.heap[p], this.heap[i]) <= 0) break;
      [this.heap[p], this.heap[i]] = [this.heap[i], this.heap[p]];
      i = p;
    }
  }

  private siftDown(i: number): void {
    const n = this.heap.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < n && compare(this.heap[l], this.heap[m]) < 0) m = l;
      if (r < n && compare(this.heap[r], this.heap[m]) < 0) m = r;
      if (m === i) return;
      [this.heap[m], this.heap[i]] = [this.heap[i], this.heap[m]];
      i = m;
    }
  }
}

function compare(a: Timer, b: Timer): number {
  return a.at - b.at || a.seq - b.seq;
}
