// Points proving many widths at once, for the verifier (verify.ts) and the
// audit (intervals.ts): two LPs pushing a whole group of cells down, then up.

import type { ComponentAttack } from "./attack.ts";

/** Below this many cells to prove, bulk points (attack.spreadPoints) are not worth their two LPs. */
const SPREAD_MIN = 4;
/** Bulk points are asked again while each round proves at least 10% of the cells left. */
const BULK_PROGRESS = 0.9;

/**
 * Points proving many widths at once (attack.spreadPoints), repeated on the
 * cells still unproven while each round proves a good share of them. The
 * points go to `widenAll`, which records them.
 */
export function bulkPoints(attack: ComponentAttack, open: number[], widenAll: (points: Float64Array[]) => void, proven: (cell: number) => boolean): void {
  for (let round = 0; open.length >= SPREAD_MIN; round++) {
    // All together first; then each round pushes a different half of the
    // cells up and the other half down, which spreads cells whose sum is fixed.
    const signs = round === 0 ? undefined : open.map((c) => ((Math.imul(c + 1, 2654435761) >>> (round % 16)) & 1 ? -1 : 1));
    widenAll(attack.spreadPoints(open, signs));
    const left = open.filter((u) => !proven(u));
    if (left.length > BULK_PROGRESS * open.length) break;
    open = left;
  }
}
