/**
 * A small bounded cache of values that expire (verified tokens, minted context tokens). Signing
 * and verifying Ed25519 costs a few hundred microseconds each, paid three times per subgraph
 * call otherwise; a cache keyed by the exact token string changes nothing about what is trusted:
 * the same bytes verified before, until the token's own expiry.
 */
export class ExpiringCache<V> {
  private readonly entries = new Map<string, { value: V; expiresAt: number }>();

  constructor(private readonly maxEntries = 10_000) {}

  /** The value if present and not expired at `now` (ms). */
  get(key: string, now = Date.now()): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** Stores a value until `expiresAt` (ms); the oldest entry goes when the cache is full. */
  set(key: string, value: V, expiresAt: number): void {
    if (this.entries.size >= this.maxEntries && !this.entries.has(key)) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { value, expiresAt });
  }

  get size(): number {
    return this.entries.size;
  }
}
