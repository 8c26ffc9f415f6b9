/** Seeded k-means (k-means++ start) that never leaves a cluster empty. */
import type { Random } from "../random.ts";
import type { XY } from "./plane.ts";

const d2 = (a: XY, b: XY): number => (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2;

function nearest(p: XY, centres: readonly XY[]): number {
  let best = 0;
  for (let c = 1; c < centres.length; c++) if (d2(p, centres[c] as XY) < d2(p, centres[best] as XY)) best = c;
  return best;
}

/** Cluster index per point, in 0..k-1, every cluster non-empty. */
export function kmeans(points: readonly XY[], k: number, rng: Random, maxIterations = 100): number[] {
  if (k < 1 || k > points.length) throw new Error(`kmeans: cannot make ${k} clusters of ${points.length} points`);
  const centres: XY[] = [points[rng.int(0, points.length - 1)] as XY];
  while (centres.length < k) {
    const weights = points.map((p) => d2(p, centres[nearest(p, centres)] as XY));
    centres.push(points[rng.weightedIndex(weights)] as XY);
  }
  let assign = points.map((p) => nearest(p, centres));
  for (let it = 0; it < maxIterations; it++) {
    fillEmpty(points, centres, assign, k);
    for (let c = 0; c < k; c++) {
      const members = points.filter((_, i) => assign[i] === c);
      centres[c] = [members.reduce((s, p) => s + p[0], 0) / members.length, members.reduce((s, p) => s + p[1], 0) / members.length];
    }
    const next = points.map((p) => nearest(p, centres));
    const stable = next.every((c, i) => c === assign[i]);
    assign = next;
    if (stable) break;
  }
  fillEmpty(points, centres, assign, k);
  return assign;
}

/** Moves into each empty cluster the point farthest from its centre (from a cluster of 2+). */
function fillEmpty(points: readonly XY[], centres: XY[], assign: number[], k: number): void {
  for (let c = 0; c < k; c++) {
    if (assign.includes(c)) continue;
    const sizes = new Array<number>(k).fill(0);
    for (const a of assign) sizes[a] = (sizes[a] as number) + 1;
    let far = -1;
    for (let i = 0; i < points.length; i++) {
      if ((sizes[assign[i] as number] as number) < 2) continue;
      const dist = d2(points[i] as XY, centres[assign[i] as number] as XY);
      if (far < 0 || dist > d2(points[far] as XY, centres[assign[far] as number] as XY)) far = i;
    }
    assign[far] = c;
    centres[c] = points[far] as XY;
  }
}
