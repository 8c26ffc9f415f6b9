// Protect every released cell of a year together, over inner cells:
// 1. primary: publishable counts from 1 to minCount − 1; latent ones (den − num)
//    are protected without being hidden;
// 2. secondary by Gaussian elimination (gauss-suppression.ts), candidates
//    published in order of cost (most costly to hide first), so no protected
//    count is an exact linear combination of published ones;
// 3. the protection width: the union is attacked by LP (linked.ts); while a
//    sensitive cell is narrower than the width, the cheapest published cell
//    sharing inner cells with it is hidden too. Nothing left to hide: fail.
// No exception: every sensitive cell reaches the width, or nothing is released.

import { gaussSuppression } from "./gauss-suppression.ts";
import { attackLinked, sensitiveCells, valueOf, type LinkedTable } from "./linked.ts";
import { SdcError, type SdcOptions } from "./model.ts";
import { defaultCost, resolveOptions } from "./options.ts";

export interface LinkedOptions extends SdcOptions {
  /** Cost of hiding a cell (default 1 + ln(1 + value)); give totals more, strata and small zones less. */
  costOf?: (id: string, value: number) => number;
  /** Rounds of "attack, hide one more per failing cell" before giving up. Default 200. */
  maxRounds?: number;
}

export interface LinkedResult {
  hidden: Map<string, "primary" | "secondary">;
  narrowest: number | null;
  /** Cells hidden after the elimination, for the width. */
  widened: number;
  lpSolves: number;
}

export async function protectLinked(table: LinkedTable, options: LinkedOptions = {}): Promise<LinkedResult> {
  const resolved = resolveOptions(options);
  const costOf = options.costOf ?? ((_id: string, value: number) => defaultCost({ id: _id, value, publishable: true }));
  const cells = table.cells;
  const values = cells.map((c) => valueOf(table, c));
  const sensitive = new Set(sensitiveCells(table, options));
  const hidden = new Map<string, "primary" | "secondary">();
  const primary: number[] = [];
  const latent: (readonly number[])[] = [];
  cells.forEach((c, i) => {
    if (!sensitive.has(c.id)) return;
    if (c.known) throw new SdcError(`cell "${c.id}" is sensitive (${values[i]}) and already public`);
    if (c.publishable === false) latent.push(c.inner);
    else {
      primary.push(i);
      hidden.set(c.id, "primary");
    }
  });
  // Zeros and known cells are published whatever happens; then the costliest to hide.
  const publishable = cells.map((c, i) => i).filter((i) => cells[i]!.publishable !== false && !sensitive.has(cells[i]!.id));
  const forced = new Set(publishable.filter((i) => values[i] === 0 || cells[i]!.known));
  const cost = cells.map((c, i) => costOf(c.id, values[i]!));
  const candidates = publishable.sort((a, b) => Number(forced.has(b)) - Number(forced.has(a)) || cost[b]! - cost[a]! || (cells[a]!.id < cells[b]!.id ? -1 : 1));
  const gauss = gaussSuppression({ columns: cells.map((c) => c.inner), primary, protect: latent, candidates, forced });
  if (gauss.exposed.length > 0) throw new SdcError(`${gauss.exposed.length} sensitive count(s) follow from zeros and known cells alone`);
  for (const i of gauss.secondary) hidden.set(cells[i]!.id, "secondary");

  // The width: attack the union; hide the cheapest published neighbour of each failing cell.
  const byId = new Map(cells.map((c, i) => [c.id, i]));
  const covering = new Map<number, number[]>(); // inner cell → released cells over it
  cells.forEach((c, i) => c.inner.forEach((k) => covering.set(k, [...(covering.get(k) ?? []), i])));
  let widened = 0;
  let lpSolves = 0;
  for (let round = 0; ; round++) {
    const attack = await attackLinked(table, new Set(hidden.keys()), options);
    lpSolves += attack.lpSolves;
    if (attack.failing.length === 0) return { hidden, narrowest: attack.narrowest, widened, lpSolves };
    if (round >= (options.maxRounds ?? 200))
      throw new SdcError(
        `protection width ${resolved.protectionWidth} not reached after ${round} rounds: ${attack.failing
          .map((f) => `${f.id} [${f.min}, ${f.max}]`)
          .slice(0, 5)
          .join(", ")}`,
      );
    for (const f of attack.failing) {
      // Around the cell: cells sharing inner cells with it, or with a hidden cell that does
      // (a sibling under a common total: the usual complement of a two-cell pattern).
      const at = byId.get(f.id)!;
      const near = new Set<number>([at]);
      for (const k of cells[at]!.inner) for (const j of covering.get(k) ?? []) near.add(j);
      for (const j of [...near]) if (j !== at && hidden.has(cells[j]!.id)) for (const k of cells[j]!.inner) for (const m of covering.get(k) ?? []) near.add(m);
      let best = -1;
      for (const j of near) {
        if (j === at || hidden.has(cells[j]!.id) || forced.has(j) || cells[j]!.publishable === false) continue;
        if (best < 0 || cost[j]! < cost[best]! || (cost[j] === cost[best] && cells[j]!.id < cells[best]!.id)) best = j;
      }
      if (best < 0) throw new SdcError(`"${f.id}" is narrowed to [${f.min}, ${f.max}] and no published cell around it is left to hide`);
      hidden.set(cells[best]!.id, "secondary");
      widened++;
    }
  }
}
