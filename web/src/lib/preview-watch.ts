// A first look (a first `npm start` serving its latest year while it publishes the others):
// the page asks the server every few seconds which release it serves, and reloads once the
// whole release has replaced the first look. The server closes for a moment while it switches,
// so a failed request means "not yet", never "stop".

export interface PreviewWatchOptions {
  /** The first look's release id, as the page read it. */
  releaseId: string;
  /** Answers /api/v1/release, uncached; may throw while the server switches. */
  fetchRelease: () => Promise<{ releaseId: string; preview: boolean }>;
  reload: () => void;
  everyMs?: number;
  /** The timer (tests pass their own). */
  schedule?: (run: () => void, ms: number) => unknown;
}

/** Starts watching; returns a function that stops it. */
export function watchPreview(o: PreviewWatchOptions): () => void {
  const schedule = o.schedule ?? ((run, ms) => setTimeout(run, ms));
  let stopped = false;
  const tick = async () => {
    if (stopped) return;
    try {
      const r = await o.fetchRelease();
      if (!r.preview || r.releaseId !== o.releaseId) {
        stopped = true;
        o.reload();
        return;
      }
    } catch {
      // The server is switching to the whole release: ask again.
    }
    if (!stopped) schedule(tick, o.everyMs ?? 5000);
  };
  schedule(tick, o.everyMs ?? 5000);
  return () => {
    stopped = true;
  };
}

/** /api/v1/release as it is now, past every cache. */
export async function currentRelease(): Promise<{ releaseId: string; preview: boolean }> {
  const r = await fetch("/api/v1/release", { cache: "no-store" });
  if (!r.ok) throw new Error(`release: ${r.status}`);
  return (await r.json()) as { releaseId: string; preview: boolean };
}
