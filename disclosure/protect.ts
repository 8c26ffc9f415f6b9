// protect(): primary suppression, complementary suppression, pruning, then an
// independent audit of the release. Fails closed: if the audit does not pass,
// nothing is returned to publish.

import { auditRelease, type AuditResult } from "./audit.ts";
import { Ceiling } from "./ceiling.ts";
import { complementarySuppression } from "./complementary.ts";
import { loadSolver, solveCounter } from "./lp.ts";
import { SdcError, type SdcOptions, type SdcProblem, type SdcRelease } from "./model.ts";
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
  const suppressionSolves = solveCounter.count - solvesBefore;

  const hidden = new Map<string, HiddenKind>();
  for (const [cell, kind] of [...state.kind].sort(([a], [b]) => a - b)) hidden.set(structure.ids[cell]!, kind);
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
  if (!audit.pass) {
    const worst = audit.failing.slice(0, 5).map((c) => `"${c.id}" width ${c.width} < ${c.required}`);
    throw new SdcError(`suppression failed its audit (${audit.failing.length} cells): ${worst.join(", ")}`);
  }

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
      pruned,
      latentSensitive: primary.latent.length,
      knownSensitive: primary.known.length,
      lpSolves: suppressionSolves + audit.counts.lpSolves,
      ms: {
        total: performance.now() - started,
        complementary: afterComplementary - started,
        prune: afterPrune - afterComplementary,
        audit: audit.ms,
      },
    },
  };
}
