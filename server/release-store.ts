import { Release, type ReleaseOptions } from "./release.ts";

/** A request's hold on a release: the release stays open until every lease is returned. */
export interface Lease {
  readonly release: Release;
  done(): void;
}

interface Held {
  release: Release;
  /** Leases out, plus one for being the current release. */
  refs: number;
  closed: Promise<void>;
  resolveClosed: () => void;
}

export interface StoreEvents {
  onSwap?: (from: string, to: string) => void;
  onClose?: (release: Release) => void;
}

/**
 * The current release, swappable while requests run. A request leases the release it starts
 * with and finishes on it; after a swap the old release closes when its last lease returns.
 */
export class ReleaseStore {
  private current: Held;
  private swapping: Promise<unknown> = Promise.resolve();
  private stopped = false;

  private constructor(
    release: Release,
    private readonly options: ReleaseOptions,
    private readonly events: StoreEvents,
  ) {
    this.current = ReleaseStore.hold(release);
  }

  static async open(dir: string, options: ReleaseOptions = {}, events: StoreEvents = {}): Promise<ReleaseStore> {
    return new ReleaseStore(await Release.open(dir, options), options, events);
  }

  private static hold(release: Release): Held {
    let resolveClosed = () => {};
    const closed = new Promise<void>((r) => (resolveClosed = r));
    return { release, refs: 1, closed, resolveClosed };
  }

  /** The release new requests see (no lease: for reading the id or manifest only). */
  get release(): Release {
    return this.current.release;
  }

  acquire(): Lease {
    if (this.stopped) throw new Error("the release store is closed");
    const held = this.current;
    held.refs++;
    let returned = false;
    return {
      release: held.release,
      done: () => {
        if (returned) return;
        returned = true;
        this.unref(held);
      },
    };
  }

  private unref(held: Held): void {
    if (--held.refs > 0) return;
    held.release.close();
    this.events.onClose?.(held.release);
    held.resolveClosed();
  }

  /**
   * Opens the release in `dir` and makes it current. Opening happens before the switch, so a
   * broken release leaves the current one serving (the promise rejects). Swaps run one at a time.
   */
  swap(dir: string): Promise<{ from: string; to: string; closed: Promise<void> }> {
    const run = this.swapping.then(async () => {
      if (this.stopped) throw new Error("the release store is closed");
      const next = await Release.open(dir, this.options);
      const old = this.current;
      this.current = ReleaseStore.hold(next);
      this.events.onSwap?.(old.release.id, next.id);
      this.unref(old);
      return { from: old.release.id, to: next.id, closed: old.closed };
    });
    this.swapping = run.catch(() => undefined);
    return run;
  }

  /** Stops leasing; resolves when the current release has closed (after its last lease). */
  async close(): Promise<void> {
    await this.swapping;
    if (this.stopped) return this.current.closed;
    this.stopped = true;
    this.unref(this.current);
    return this.current.closed;
  }
}
