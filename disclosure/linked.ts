// Every released count of a year over one set of inner cells, and the attack
// on the union. An inner cell is the finest cross-classification of what is
// counted (atom × sex × age band × BIM × the event and population filters):
// a released cell is the sum of the inner cells it covers. Two definitions
// that count the same persons cover the same inner cells, so links between
// indicators (same deaths under two names, all-cause = 0–74 + 75+, BIM and
// non-BIM strata adding up to the base strata, a numerator reused as another
// indicator's denominator) need no declaration: they are in the supports.
//
// The attack (attackLinked) is the LP audit of audit.ts on the union: inner
// cells are latent unknowns ≥ 0, published cells are fixed, hidden cells are
// ≥ 1 (zeros are published), and each released cell = Σ its inner cells.

import { auditRelease } from "./audit.ts";
import { SdcError, type ReleasedCell, type SdcOptions, type SdcRelation, type SdcRelease } from "./model.ts";
import { resolveOptions } from "./options.ts";

export interface LinkedCell {
  id: string;
  /** Indices of the inner cells this cell adds up. */
  inner: readonly number[];
  /** False for a latent cell: never published, protected when small (den − num). Default true. */
  publishable?: boolean;
  /** Published before (a previous release): a fact, never hidden. */
  known?: boolean;
}

export interface LinkedTable {
  /** True count of each inner cell. */
  inner: readonly number[];
  cells: readonly LinkedCell[];
}

export const valueOf = (table: LinkedTable, cell: LinkedCell) => cell.inner.reduce((s, i) => s + table.inner[i]!, 0);

/** Sensitive: 1 to minCount − 1 (zeros are published). */
export function sensitiveCells(table: LinkedTable, options: SdcOptions = {}): string[] {
  const { minCount } = resolveOptions(options);
  return table.cells
    .filter((c) => {
      const v = valueOf(table, c);
      return v >= 1 && v < minCount;
    })
    .map((c) => c.id);
}

/** The union as an attacker sees it with `hidden` suppressed: no hidden or inner value. */
export function linkedRelease(table: LinkedTable, hidden: ReadonlySet<string>, sensitive: readonly string[]): SdcRelease {
  const seen = new Set<string>();
  const cells: ReleasedCell[] = table.inner.map((_, i) => ({ id: `inner:${i}`, publishable: false }));
  const relations: SdcRelation[] = [];
  for (const c of table.cells) {
    if (seen.has(c.id)) throw new SdcError(`linked cell "${c.id}" appears twice`);
    seen.add(c.id);
    if (c.known && hidden.has(c.id)) throw new SdcError(`cell "${c.id}" is known and cannot be hidden`);
    const publishable = c.publishable !== false;
    const shown = c.known === true || (publishable && !hidden.has(c.id));
    cells.push({ id: c.id, publishable, ...(c.known ? { known: true } : {}), ...(shown ? { value: valueOf(table, c) } : {}) });
    relations.push({ total: c.id, parts: c.inner.map((i) => `inner:${i}`) });
  }
  return { cells, relations, sensitive: [...sensitive] };
}

export interface LinkedAttack {
  /** Sensitive cells whose interval is narrower than protectionWidth (no exception, no cap). */
  failing: { id: string; min: number; max: number; width: number }[];
  narrowest: number | null;
  lpSolves: number;
}

/**
 * Attack the union of everything released: the interval of every sensitive
 * unpublished cell. Strict: a width below protectionWidth fails, whatever
 * the reason (there is no "capped" exception), and so does a published one.
 */
export async function attackLinked(table: LinkedTable, hidden: ReadonlySet<string>, options: SdcOptions = {}): Promise<LinkedAttack> {
  const W = resolveOptions(options).protectionWidth;
  const result = await auditRelease(linkedRelease(table, hidden, sensitiveCells(table, options)), options);
  const failing = result.cells.filter((c) => c.status !== "known" && c.width < W).map(({ id, min, max, width }) => ({ id, min, max, width }));
  const widths = result.cells.filter((c) => c.status === "hidden" || c.status === "latent").map((c) => c.width);
  return { failing, narrowest: widths.length > 0 ? Math.min(...widths) : null, lpSolves: result.counts.lpSolves };
}
