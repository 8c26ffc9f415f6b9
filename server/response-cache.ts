/** A response body ready to send: computed once per release and query, then served from memory. */
export interface Payload {
  body: Buffer;
  type: string;
}

export interface CacheOptions {
  /** Total bytes kept (default 64 MiB). */
  maxBytes?: number;
  /** Larger bodies are served but not kept: one huge CSV must not evict every profile. */
  maxEntryBytes?: number;
}

/**
 * Least-recently-used bodies by byte budget, one cache per release (a swap drops it with the
 * release). Concurrent misses on one key share one computation: a burst of identical requests
 * right after a swap runs the query once.
 */
export class ResponseCache {
  private readonly entries = new Map<string, Payload>();
  private readonly pending = new Map<string, Promise<Payload>>();
  private bytes = 0;
  private readonly maxBytes: number;
  private readonly maxEntryBytes: number;
  hits = 0;
  misses = 0;

  constructor(options: CacheOptions = {}) {
    this.maxBytes = options.maxBytes ?? 64 * 2 ** 20;
    this.maxEntryBytes = options.maxEntryBytes ?? 4 * 2 ** 20;
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  async get(key: string, compute: () => Promise<Payload>): Promise<Payload> {
    const hit = this.entries.get(key);
    if (hit) {
      // Re-insert: Map order is the recency order.
      this.entries.delete(key);
      this.entries.set(key, hit);
      this.hits++;
      return hit;
    }
    const running = this.pending.get(key);
    if (running) return running;
    this.misses++;
    const promise = compute().then(
      (payload) => {
        this.pending.delete(key);
        this.put(key, payload);
        return payload;
      },
      (error: unknown) => {
        this.pending.delete(key);
        throw error;
      },
    );
    this.pending.set(key, promise);
    return promise;
  }

  private put(key: string, payload: Payload): void {
    const size = payload.body.byteLength + key.length;
    if (size > this.maxEntryBytes || size > this.maxBytes) return;
    this.entries.set(key, payload);
    this.bytes += size;
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= v.body.byteLength + k.length;
    }
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }
}
