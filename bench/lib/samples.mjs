// Latency samples in whole microseconds, kept in a typed array: adding one allocates nothing,
// which matters at tens of thousands of deliveries a second on the load generator's single core.

export class Samples {
  constructor(capacity = 1024) {
    this.values = new Uint32Array(Math.max(16, capacity));
    this.count = 0;
  }

  add(us) {
    if (this.count === this.values.length) {
      const grown = new Uint32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.count++] = us < 0 ? 0 : us;
  }

  /** p50, p99 and max in milliseconds (nearest-rank percentiles), or nulls when empty. */
  summary() {
    if (this.count === 0) return { p50ms: null, p99ms: null, maxms: null };
    const sorted = this.values.subarray(0, this.count).sort();
    const rank = (p) => sorted[Math.min(this.count - 1, Math.ceil(p * this.count) - 1)];
    const ms = (us) => Number((us / 1000).toFixed(2));
    return { p50ms: ms(rank(0.5)), p99ms: ms(rank(0.99)), maxms: ms(sorted[this.count - 1]) };
  }
}
