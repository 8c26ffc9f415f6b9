// protect(): primary suppression, complementary suppression, pruning, then an
// independent audit of the release. Fails closed: if the audit does not pass,
// nothing is returned to publish.

import { auditRelease, type AuditResult } from "./audit.ts";
import { Ceiling } from "./ceiling.ts";
import { complementarySuppression } from "./complementary.ts";
import { loadSolver, solveCounter } from "./lp.ts";
import { SdcError, type ResolvedOptions, type SdcOptions, type SdcProblem, type SdcRelease } from "./model.ts";
import { resolveOptions } from "./options.ts";
import { primarySuppression } from "./primary.ts";
import { prune } from "./prune.ts";
import { releaseOf } from "./release.ts";
import { SuppressionState, type HiddenKind } from "./state.ts";
import { indexProblem } from "./validate.ts";

export interface ProtectResult {
  /** Every hidden publishable cell and why. Latent cells are never listed: they are never published. */
  hidden: Map<string, HiddenKind>;
  /** Every sensitive cell (hidden, latent or known). */
  sensitive: string[];
  /** Sensitive cells that could not be given protectionWidth: known cells, and capped cells (see audit.ts). */
  unprotectable: string[];
  /** The independent audit of `release`; always passing (protect throws otherwise). */
  audit: AuditResult;
  /** What may be published: values of published and known cells only. */
  release: SdcRelease;
  stats: {
    cells: number;
    relations: number;
    sensitive: number;
    primary: number;
    complementary: number;
    /** Complementary cells the pruning pass published again. */
    pruned: number;
    /** The previous release's pattern (SdcProblem.previous) passed its audit as it was: no LP of its own. */
    settled: boolean;
    latentSensitive: number;
    knownSensitive: number;
    lpSolves: number;
    ms: { total: number; complementary: number; prune: number; audit: number };
  };
}

export async function protect(problem: SdcProblem, options: SdcOptions = {}): Promise<ProtectResult> {
  const started = performance.now();
  const resolved = resolveOptions(options);
  const { structure, values } = indexProblem(problem);
  const primary = primarySuppression(structure, values, resolved);
  const highs = await loadSolver();
  // Solves are counted between awaits, so concurrent calls do not mix counts.
  const solvesBefore = solveCounter.count;

  const state = new SuppressionState(highs, structure, values, resolved, problem.cells);
  for (const cell of primary.primary) state.hide(cell, "primary");
  for (const id of problem.hide ?? []) {
    const cell = structure.index.get(id);
    if (cell === undefined) throw new SdcError(`cell "${id}" to hide is not in the problem`);
    if (!structure.publishable[cell] || structure.known[cell]) throw new SdcError(`cell "${id}" to hide is latent or known`);
    if (state.kind.has(cell)) continue;
    state.hide(cell, "complementary");
    state.pinned.add(cell);
  }
  // A pattern already audited once (the previous release's) is audited again before any LP of
  // its own: on the first start's whole release, the latest year's problems are the first
  // look's, and protecting them again took as long as the first time.
  const previous = problem.previous && wholePattern(problem, structure, state.kind);
  if (previous) {
    const settled = await audited(problem, structure, values, previous, resolved);
    if (settled.audit.pass && settled.audit.unprotectable.length === 0) {
      return outcome(settled, structure, primary, { started, pruned: 0, afterComplementary: started, afterPrune: started, solves: 0, settled: true });
    }
  }
  const targets = [...primary.primary, ...primary.latent].sort((a, b) => a - b);
  const required = new Map(targets.map((c) => [c, resolved.protectionWidth]));

  const ceiling = new Ceiling(highs, structure, values, resolved);
  let pruned = 0;
  let afterComplementary = started;
  try {
    const verifier = complementarySuppression(state, targets, ceiling, required);
    afterComplementary = performance.now();
    try {
      pruned = prune(state, verifier, resolved.pruneBudget * (solveCounter.count - solvesBefore));
    } finally {
      verifier.dispose();
    }
  } finally {
    ceiling.dispose();
  }
  const afterPrune = performance.now();
  const solves = solveCounter.count - solvesBefore;
  const checked = await audited(problem, structure, values, state.kind, resolved);
  if (!checked.audit.pass) {
    const worst = checked.audit.failing.slice(0, 5).map((c) => `"${c.id}" width ${c.width} < ${c.required}`);
    throw new SdcError(`suppression failed its audit (${checked.audit.failing.length} cells): ${worst.join(", ")}`);
  }
  return outcome(checked, structure, primary, { started, pruned, afterComplementary, afterPrune, solves, settled: false });
}

type Structure = ReturnType<typeof indexProblem>["structure"];

/**
 * The problem's hidden cells with its previous release's added, if together they hide every
 * publishable cell that is not known (a whole pattern: nothing left to decide); else undefined.
 */
function wholePattern(problem: SdcProblem, structure: Structure, hidden: ReadonlyMap<number, HiddenKind>): Map<number, HiddenKind> | undefined {
  const pattern = new Map(hidden);
  for (const id of problem.previous ?? []) {
    const cell = structure.index.get(id);
    if (cell !== undefined && structure.publishable[cell] && !structure.known[cell] && !pattern.has(cell)) pattern.set(cell, "complementary");
  }
  for (let cell = 0; cell < structure.ids.length; cell++) if (structure.publishable[cell] && !structure.known[cell] && !pattern.has(cell)) return undefined;
  return pattern;
}

/** The release of these hidden cells and its independent audit. */
async function audited(problem: SdcProblem, structure: Structure, values: ArrayLike<number>, kind: ReadonlyMap<number, HiddenKind>, resolved: ResolvedOptions) {
  const hidden = new Map<string, HiddenKind>();
  for (const [cell, k] of [...kind].sort(([a], [b]) => a - b)) hidden.set(structure.ids[cell]!, k);
  const release = releaseOf(problem, hidden.keys(), resolved);
  const audit = await auditRelease(release, resolved);
  // The true values must lie in the attacker's intervals; anything else is a bug.
  for (const cell of audit.cells) {
    if (cell.proven) continue; // only two values the cell can take, not its extremes
    const value = values[structure.index.get(cell.id)!]!;
    if (value < cell.min || value > cell.max) {
      throw new SdcError(`internal: true value of "${cell.id}" lies outside its audited interval`);
    }
  }
  return { hidden, release, audit };
}

function outcome(
  { hidden, release, audit }: Awaited<ReturnType<typeof audited>>,
  structure: Structure,
  primary: ReturnType<typeof primarySuppression>,
  t: { started: number; pruned: number; afterComplementary: number; afterPrune: number; solves: number; settled: boolean },
): ProtectResult {
  const complementary = [...hidden.values()].filter((k) => k === "complementary").length;
  return {
    hidden,
    sensitive: primary.sensitive.map((c) => structure.ids[c]!),
    unprotectable: audit.unprotectable.map((c) => c.id),
    audit,
    release,
    stats: {
      cells: structure.ids.length,
      relations: structure.relations.length,
      sensitive: primary.sensitive.length,
      primary: primary.primary.length,
      complementary,
      pruned: t.pruned,
      settled: t.settled,
      latentSensitive: primary.latent.length,
      knownSensitive: primary.known.length,
      lpSolves: t.solves + audit.counts.lpSolves,
      ms: {
        total: performance.now() - t.started,
        complementary: t.afterComplementary - t.started,
        prune: t.afterPrune - t.afterComplementary,
        audit: audit.ms,
      },
    },
  };
}
