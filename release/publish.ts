/**
 * `boussole publish`: compute every indicator, apply disclosure control, audit, and write the
 * release. Fails closed: if a problem cannot be protected or the audit does not pass, nothing
 * is written and the error says which cells.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Database } from "../core/duckdb.ts";
import { protectInPhases } from "./phased-protection.ts";
import type { ProtectJob } from "./protect-jobs.ts";
import { computeIndicators } from "../indicators/compute/compute.ts";
import { describeSkippedYears } from "../indicators/compute/source-coverage.ts";
import { describePersonKey, recordWouldHelp } from "../indicators/compute/person-key.ts";
import type { Definition } from "../indicators/definition/schema.ts";
import { applyDisclosure } from "./apply-disclosure.ts";
import { applyPeriodDisclosure } from "./apply-period-disclosure.ts";
import { readGeography } from "./geography.ts";
import { DISCLOSURE_RULES, releaseTitle, type Manifest } from "./manifest.ts";
import { hiddenShares } from "./hidden-shares.ts";
import { buildModel, type ModelOptions } from "./sdc-model.ts";
import { familyLinks, type FamilyLinks } from "./family-links.ts";
import { contentHash, internalDir, writeRelease } from "./write-release.ts";

export interface PublishOptions {
  warehouse: string;
  out: string;
  minCount?: number;
  protectionWidth?: number;
  municipalities?: boolean;
  municipalityStrata?: boolean;
  /** A previous release whose published values are known facts. */
  previous?: string;
  /** Publish these years only (default: every year the warehouse covers). */
  years?: readonly number[];
  memoryLimit?: string;
  /** LP solves the pruning pass may spend per solve of the suppression passes (SdcOptions.pruneBudget; default DEFAULT_PRUNE_BUDGET). */
  pruneBudget?: number;
  /** Test only: protect sub-annual periods without their link to the year (ModelOptions.periodsApart), a weakened publisher. */
  periodsApart?: boolean;
  /** Worker threads for disclosure control (default: the machine's cores). */
  threads?: number;
  log?: (line: string) => void;
  /** Disclosure control's progress: problems (tables of counts) protected, of how many. */
  onProtected?: (done: number, total: number) => void;
  /** Each disclosure problem as it is handed to disclosure control, to record and replay it (bench/disclosure.ts). */
  onDisclosureJob?: (job: ProtectJob) => void;
}

/**
 * Pruning's default budget. On the demo's linked deaths table (2022: 5,444 cells, 1,097 small,
 * 706 complementary before pruning), a budget of 1 published 49 of them again in 52 s and 0.25
 * published 20 in 12 s, against 22 s for the whole suppression before it.
 */
export const DEFAULT_PRUNE_BUDGET = 0.25;

export class PublishError extends Error {
  override name = "PublishError";
}

export async function publish(defs: readonly Definition[], o: PublishOptions): Promise<Manifest> {
  const started = performance.now();
  const log = o.log ?? (() => {});
  const model: ModelOptions = { municipalities: o.municipalities ?? false, municipalityStrata: o.municipalityStrata ?? false, ...(o.periodsApart ? { periodsApart: true } : {}) };
  // No municipal cell published: the model sums municipalities by atom, so they are computed so.
  const municipalAtoms = !model.municipalities && !model.municipalityStrata;
  // The signatures come from the same pass over the person-years as the cells (with-signatures.ts).
  // The cells as objects (the release's readers need objects), without the table they were made
  // from: spreading the result reads `cells` once and lets the columns go (peak 2.82 → 2.50 GB at 0.05).
  const { table: _columns, ...computed } = await computeIndicators(o.warehouse, defs, { memoryLimit: o.memoryLimit, years: o.years, municipalAtoms, signatures: true });
  if (o.years && computed.cells.length === 0) throw new PublishError(`the warehouse has no data for ${o.years.join(", ")}: nothing to publish. Nothing was written.`);
  if (computed.personKey && recordWouldHelp(computed.personKey)) log(describePersonKey(computed.personKey, o.warehouse));
  if (computed.skipped.length > 0) log(`not computed: ${computed.skipped.map((s) => `${s.id} (${s.reason})`).join("; ")}`);
  for (const line of describeSkippedYears(computed.skippedYears)) log(`left out, no source data (not zeros): ${line}`);
  log(`computed ${computed.cells.length} cells of ${computed.computed.length} indicators${computed.periodCells.length > 0 ? ` and ${computed.periodCells.length} sub-annual period cells` : ""}`);
  const used = defs.filter((d) => computed.computed.includes(d.id));

  const db = await Database.open(o.warehouse, { readOnly: true });
  let geography;
  let batches;
  const links = new Map<number, FamilyLinks>();
  try {
    geography = await readGeography(db);
    // How the counts of persons are linked, read from the data (family-links.ts), per year.
    const years = new Set(computed.cells.map((c) => c.year));
    for (const signatures of computed.signatures) if (years.has(signatures.year)) links.set(signatures.year, familyLinks(signatures));
    batches = await db.all<{ batch_id: string; producer: string | null; synthetic: boolean | null; finished_at: unknown }>(
      `SELECT batch_id, producer, synthetic, finished_at FROM load_batch ORDER BY started_at`,
    );
  } finally {
    db.close();
  }

  const { denominators, numerators, counts, periodCounts } = buildModel(computed.cells, used, geography, model, links, computed.periodCells);
  log(
    `disclosure model: ${denominators.length} population and ${numerators.length} numerator problems, ${[...links.values()].reduce((n, l) => n + l.restrictions.length + l.sums.length, 0)} links found in the data`,
  );
  const previous = o.previous ? await previousPattern(o.previous) : undefined;
  const minCount = o.minCount ?? 5;
  const baseOptions = { protectionWidth: o.protectionWidth ?? 5, publishZeros: true };
  let phased;
  try {
    phased = await protectInPhases(denominators, numerators, {
      known: previous?.facts ?? new Map<string, number>(),
      previousHidden: previous?.hidden,
      minCount,
      protectionWidth: baseOptions.protectionWidth,
      pruneBudget: o.pruneBudget ?? DEFAULT_PRUNE_BUDGET,
      threads: o.threads,
      log,
      onProtected: o.onProtected,
      onJob: o.onDisclosureJob,
    });
  } catch (e) {
    throw new PublishError(`disclosure control failed: ${(e as Error).message}. Nothing was written.`);
  }
  const { hidden, sdcCells, sdcRelations, lpSolves, narrowest } = phased;

  const all = [...denominators, ...numerators];

  const cells = applyDisclosure(computed.cells, counts, hidden, used, model);
  // Aggregate shares only: the release itself says `suppressed` for every hidden cell.
  const periods = applyPeriodDisclosure(computed.periodCells, periodCounts, computed.cells, counts, hidden);
  const shares = hiddenShares(computed.cells, counts, hidden, cells, model, periods.hiding);
  const content = { defs: used, cells, periodCells: periods.cells, geography, sdc: { cells: sdcCells, relations: sdcRelations } };
  // Distinct years first: spreading ~10⁶ cells into Math.min overflows the stack.
  const years = [...new Set(cells.map((c) => c.year))];
  const manifest: Manifest = {
    format: "boussole-release/1",
    releaseId: contentHash(content),
    createdAt: new Date().toISOString(),
    synthetic: batches.length > 0 && batches.every((b) => b.synthetic === true),
    producer: batches.at(-1)?.producer ?? null,
    years: years.length > 0 ? [Math.min(...years), Math.max(...years)] : null,
    batches: batches.map((b) => ({
      batchId: b.batch_id,
      producer: b.producer,
      synthetic: b.synthetic === true,
      finishedAt: b.finished_at instanceof Date ? b.finished_at.toISOString() : b.finished_at ? String(b.finished_at) : null,
    })),
    indicators: used.map((d) => ({ id: d.id, version: d.version })),
    // What the run left out and why: whole definitions (year null), or years without source data.
    notComputed: [...computed.skipped.map((s) => ({ id: s.id, year: null, reason: s.reason })), ...computed.skippedYears],
    disclosure: {
      minCount,
      protectionWidth: baseOptions.protectionWidth,
      publishZeros: true,
      municipalities: model.municipalities === true,
      municipalityStrata: model.municipalityStrata === true,
      previousRelease: o.previous ? await previousId(o.previous) : null,
      rules: DISCLOSURE_RULES,
      professionalCounts: used.filter((d) => d.counts === "professionals").map((d) => d.id),
    },
    audit: {
      passed: true,
      problems: all.length,
      // Cells of both tables, `cell` and `period_cell`.
      cellsPublished: cells.filter((c) => c.hidden === null).length + periods.cells.filter((c) => c.hidden === null).length,
      hiddenSmallCount: shares.primary,
      hiddenComplementary: shares.secondary,
      hiddenDerived: shares.derived,
      hiddenShare: shares.share,
      hiddenByIndicator: shares.byIndicator,
      narrowestInterval: narrowest,
      lpSolves,
      seconds: Math.round((performance.now() - started) / 100) / 10,
    },
  };
  manifest.title = releaseTitle(manifest.producer, manifest.synthetic, manifest.years, manifest.createdAt);

  await writeRelease(o.out, content, manifest);
  return manifest;
}

/**
 * What a previous release showed and hid. `facts`: its published model values, which an attacker
 * already holds. A cell is in several problems (a population in its own and in the numerator
 * problems that divide by it); one that a joint problem hid on top of its own was not published,
 * whatever the others say, and is in `hidden` with every other publishable cell it hid: a problem
 * of this release that it published with the same values tries that pattern first
 * (SdcProblem.previous).
 */
export async function previousPattern(dir: string): Promise<{ facts: Map<string, number>; hidden: Set<string> }> {
  const file = join(internalDir(dir), "disclosure.duckdb");
  if (!existsSync(file)) throw new PublishError(`--previous ${dir}: no publisher state at ${file}`);
  const db = await Database.open(file, { readOnly: true });
  try {
    const rows = await db.all<{ id: string; value: number | null }>(`SELECT id, CASE WHEN bool_and(value IS NOT NULL) THEN any_value(value) END AS value FROM sdc_cell WHERE publishable GROUP BY id`);
    return { facts: new Map(rows.flatMap((r) => (r.value === null ? [] : [[r.id, r.value] as const]))), hidden: new Set(rows.flatMap((r) => (r.value === null ? [r.id] : []))) };
  } finally {
    db.close();
  }
}

async function previousId(dir: string): Promise<string | null> {
  const { readFile } = await import("node:fs/promises");
  return (JSON.parse(await readFile(join(dir, "manifest.json"), "utf8")) as Manifest).releaseId ?? null;
}
