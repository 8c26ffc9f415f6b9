// The audit attacks a release as a third party would: it sees the structure,
// the published values and the list of sensitive cells, never the true
// values of hidden cells. It does not care how the hidden cells were chosen.
//
// Rule: every sensitive unpublished cell needs an interval of width ≥
// protectionWidth. When even hiding everything that may be hidden cannot get
// there (see ceiling.ts), the cell must reach that ceiling instead and is
// reported as capped: the remaining leak comes from known facts, not from
// this release. A published sensitive cell fails, unless it is known (then
// it is reported as unprotectable: it was out before this release).

import { ComponentAttack, type Exactness } from "./attack.ts";
import { Ceiling } from "./ceiling.ts";
import { findComponents } from "./components.ts";
import { auditIntervals, exactIntervals, type ExactInterval } from "./intervals.ts";
import { loadSolver, solveCounter } from "./lp.ts";
import { SdcError, type SdcOptions, type SdcProblem, type SdcRelease } from "./model.ts";
import { lowerBound, resolveOptions } from "./options.ts";
import { releaseOf } from "./release.ts";
import { eliminateSingletons } from "./singletons.ts";
import { indexRelease } from "./validate.ts";

export interface CellAudit {
  id: string;
  status: "hidden" | "latent" | "published" | "known";
  /**
   * Smallest and largest value consistent with the release (integers; max may be Infinity), or,
   * when `proven`, two values the cell can take: its interval is at least that wide.
   */
  min: number;
  max: number;
  width: number;
  /**
   * The width is only proven (a lower bound, by two feasible points) because it reaches what is
   * required; the cells that fail, and the narrowest, always get exact intervals.
   */
  proven: boolean;
  /** Width 0, and why: the equations alone, or with the bounds; "published" for a shown cell. */
  exact: Exactness | "published";
  /** Width this cell must reach: protectionWidth, or its ceiling when capped. */
  required: number;
  /** The ceiling is below protectionWidth: known facts limit the protection. */
  capped: boolean;
  pass: boolean;
}

export interface AuditResult {
  pass: boolean;
  /** One entry per sensitive cell, in release order. */
  cells: CellAudit[];
  failing: CellAudit[];
  /** Sensitive cells that cannot get the full width: known cells and capped cells. */
  unprotectable: CellAudit[];
  /** Narrowest interval among unpublished sensitive cells. */
  narrowest: CellAudit | null;
  counts: {
    cells: number;
    published: number;
    hidden: number;
    latent: number;
    sensitive: number;
    /** Unpublished cells an attacker recovers by singleton elimination (one unknown left in a relation). */
    derived: number;
    components: number;
    largestComponent: number;
    lpSolves: number;
  };
  ms: number;
}

export interface AuditMode {
  /**
   * Exact intervals for every sensitive cell (two LPs per cell where points do not reach a
   * bound). Default false: widths proven up to the requirement, exact only for cells that fall
   * short and for the narrowest (intervals.ts: auditIntervals); pass, failures and the narrowest
   * width are the same either way.
   */
  exact?: boolean;
}

/** Audit a release: published values, structure and the sensitive list only. */
export async function auditRelease(release: SdcRelease, options: SdcOptions = {}, mode: AuditMode = {}): Promise<AuditResult> {
  const started = performance.now();
  const resolved = resolveOptions(options);
  const { structure, values, published, sensitive } = indexRelease(release);
  const highs = await loadSolver();
  // Counted after the last await: no other audit can interleave from here on.
  const solvesBefore = solveCounter.count;
  const n = structure.ids.length;
  const unpublished = published.map((p) => 1 - p);
  const isSensitive = new Uint8Array(n);
  for (const cell of sensitive) isSensitive[cell] = 1;

  const results = new Map<number, CellAudit>();
  const lower = (c: number) => lowerBound(structure.publishable[c] === 1, resolved);
  // Singleton chains first: cheap, exact, and they split the components.
  const { unknown, derived, values: knownValues } = eliminateSingletons(structure, unpublished, values);
  for (let c = 0; c < n; c++) {
    if (derived[c] && knownValues[c]! < lower(c)) {
      throw new SdcError(`inconsistent release: "${structure.ids[c]}" is hidden but derives to ${knownValues[c]}`);
    }
  }
  const components = findComponents(structure, unknown);
  const ceiling = new Ceiling(highs, structure, values, resolved);
  const W = resolved.protectionWidth;
  const unpublishedEntry = (cell: number, min: number, max: number, width: number, exact: Exactness, proven = false): CellAudit => {
    const required = width >= W ? W : Math.min(W, ceiling.width(cell));
    return {
      id: structure.ids[cell]!,
      status: structure.publishable[cell] ? "hidden" : "latent",
      ...{ min, max, width, proven, exact, required, capped: required < W },
      pass: width >= required,
    };
  };
  try {
    for (const cell of sensitive) {
      if (!published[cell]) continue;
      const known = structure.known[cell] === 1;
      const value = values[cell]!;
      results.set(cell, {
        id: structure.ids[cell]!,
        ...{ status: known ? "known" : "published", min: value, max: value, width: 0, proven: false, exact: "published" },
        ...{ required: known ? 0 : W, capped: known, pass: known },
      });
    }
    for (const cell of sensitive) {
      const value = knownValues[cell]!;
      if (derived[cell]) results.set(cell, unpublishedEntry(cell, value, value, 0, "equations"));
    }
    for (const component of components) {
      const targets = component.cells.filter((c) => isSensitive[c]);
      if (targets.length === 0) continue;
      const attack = new ComponentAttack(highs, structure, component, unknown, knownValues, lower, { devex: true });
      try {
        const intervals: Map<number, ExactInterval & { exact?: boolean }> = mode.exact ? exactIntervals(attack, targets) : auditIntervals(attack, targets, () => W);
        for (const cell of targets) {
          const { min, max, width, exact } = intervals.get(cell)!;
          const proven = exact === false;
          // The Gaussian elimination is only needed to explain a width of 0.
          results.set(cell, unpublishedEntry(cell, min, max, width, width === 0 ? attack.exactness(cell) : false, proven));
        }
      } finally {
        attack.dispose();
      }
    }
  } finally {
    ceiling.dispose();
  }

  const cells = [...sensitive].map((c) => results.get(c)!);
  const unpublishedCells = cells.filter((c) => c.status === "hidden" || c.status === "latent");
  const narrowest = unpublishedCells.reduce<CellAudit | null>((a, c) => (a && a.width <= c.width ? a : c), null);
  let hidden = 0;
  for (let i = 0; i < n; i++) if (unpublished[i] && structure.publishable[i]) hidden++;
  const failing = cells.filter((c) => !c.pass);
  return {
    pass: failing.length === 0,
    cells,
    failing,
    unprotectable: cells.filter((c) => c.capped),
    narrowest,
    counts: {
      cells: n,
      published: n - unpublished.reduce((a, b) => a + b, 0),
      hidden,
      latent: unpublished.reduce((a, b) => a + b, 0) - hidden,
      sensitive: cells.length,
      derived: derived.reduce((a, b) => a + b, 0),
      components: components.length,
      largestComponent: components.reduce((m, c) => Math.max(m, c.cells.length), 0),
      lpSolves: solveCounter.count - solvesBefore,
    },
    ms: performance.now() - started,
  };
}

/**
 * Audit `problem` with the cells in `hidden` suppressed. The true values of
 * hidden cells are dropped before the attack (see releaseOf): this is the
 * same audit a third party runs on the published release.
 */
export async function audit(problem: SdcProblem, hidden: Iterable<string>, options: SdcOptions = {}): Promise<AuditResult> {
  return await auditRelease(releaseOf(problem, hidden, options), options);
}
