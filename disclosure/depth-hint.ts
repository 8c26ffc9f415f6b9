// How far around a sensitive cell its protection LP may move cells (protection.ts: neighbourhood).

/**
 * Neighbourhood depths tried in turn; the last one reaches everything. A
 * rectangle in a two-way table needs depth 3; each extra layer of relations
 * (den = num + latent) adds one.
 */
export const DEPTHS = [3, 4, 5, 7, 10, Infinity];

/**
 * Which depth to try first. Cells of one problem tend to need the same depth
 * (a latent layer adds one to every cycle), and each infeasible try is a
 * wasted LP; but a depth larger than needed makes every LP several times
 * bigger (on the demo's BIM-share table, depth 7 moves ~3,000 cells and
 * depth 10 ~20,000, at ~20 ms against ~170 ms a solve). So the first depth
 * is the one with the least expected work: its LP's size, plus, if it fails,
 * the expected work from the next depth on, from each depth's recent success
 * rate and LP size. Sizes, not times, so the pattern is the same on every run.
 * Now and then the smallest depth is tried again.
 */
export class DepthHint {
  private readonly success = DEPTHS.map(() => 1);
  /** Cells an LP of each depth moved lately; NaN until one was built. */
  private readonly size = DEPTHS.map(() => NaN);
  private calls = 0;

  start(): number {
    if (++this.calls % 32 === 0) return 0;
    let best = DEPTHS.length - 1;
    let expected = this.sizeAt(best);
    let bestExpected = expected;
    for (let k = DEPTHS.length - 2; k >= 0; k--) {
      expected = this.sizeAt(k) + (1 - this.success[k]!) * expected;
      if (expected <= bestExpected) [best, bestExpected] = [k, expected];
    }
    return best;
  }

  /** A depth not tried yet is guessed at 4× the one below it (neighbourhoods grow about geometrically). */
  private sizeAt(k: number): number {
    const known = this.size[k]!;
    if (!Number.isNaN(known)) return known;
    return k === 0 ? 1 : 4 * this.sizeAt(k - 1);
  }

  record(k: number, ok: boolean, size: number): void {
    this.success[k] = 0.7 * this.success[k]! + (ok ? 0.3 : 0);
    this.size[k] = Number.isNaN(this.size[k]!) ? size : 0.7 * this.size[k]! + 0.3 * size;
  }
}
