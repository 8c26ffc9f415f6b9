// The demo of `npm start`, built from the synthetic sample in data/: each stage's output is kept
// and reused by the next start, so a stage runs only when its output is missing. Run by
// `start --no-serve`, which is also the child process a first start serves beside
// (serve-while-building.ts): it then reports each stage to its parent over IPC.
//
// Publishing every year takes minutes (disclosure control), so a first start publishes the
// latest year first (data/preview, a release of its own: protected and audited) and its parent
// serves it at once; then every year, with the first look's published values as facts already
// public (`previous`), so that whatever the first look showed stays consistent with the release
// that replaces it: an attacker holding both learns nothing the release's own audit did not see.
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { createProgress, type Progress } from "../core/progress.ts";
import { UserError } from "../core/user-error.ts";
import { Database } from "../core/duckdb.ts";
import { loadExtract } from "../etl/load/load-extract.ts";
import { loadDefinitions } from "../indicators/definition/load.ts";
import type { Manifest } from "../release/manifest.ts";
import { publish } from "../release/publish.ts";
import { generateSample } from "../sample/generate.ts";
import type { BuildMessage, BuildStage } from "../server/building/status.ts";
import { seedExampleCycles } from "../server/pdca/seed-examples.ts";

export interface DemoPaths {
  sample: string;
  warehouse: string;
  /** The first look: the latest year alone, served while every year is published. */
  preview: string;
  release: string;
  appDb: string;
}

export function demoPaths(data: string): DemoPaths {
  return {
    sample: join(data, "sample"),
    warehouse: join(data, "warehouse.duckdb"),
    preview: join(data, "preview"),
    release: join(data, "release"),
    appDb: join(data, "app.duckdb"),
  };
}

/** The stages a start has to run; none when the demo is complete (the examples are then only checked). */
export function missingStages(p: DemoPaths): BuildStage[] {
  const missing: BuildStage[] = [];
  if (!existsSync(join(p.sample, "extract.json"))) missing.push("sample");
  if (!existsSync(p.warehouse)) missing.push("load");
  if (!existsSync(join(p.release, "manifest.json"))) {
    // A first look of an earlier, interrupted start is reused, unless the warehouse is rebuilt.
    if (missing.length > 0 || !existsSync(join(p.preview, "manifest.json"))) missing.push("preview");
    missing.push("publish");
  }
  return missing.length > 0 ? [...missing, "examples"] : [];
}

/** The last year the warehouse holds persons for. */
async function latestYear(warehouse: string): Promise<number> {
  const db = await Database.open(warehouse, { readOnly: true });
  try {
    const [row] = await db.all<{ year: number | null }>("SELECT max(year)::INTEGER AS year FROM person_year");
    if (row?.year == null) throw new UserError(`${warehouse} holds no persons: nothing to publish`);
    return row.year;
  } finally {
    db.close();
  }
}

export interface DemoBuildOptions {
  scale: number;
  progress?: Progress;
  /** Told when a stage begins and as disclosure control protects tables (the parent's page). */
  report?: (m: BuildMessage) => void;
}

export async function buildDemo(p: DemoPaths, o: DemoBuildOptions): Promise<void> {
  const progress = o.progress ?? createProgress();
  const report = o.report ?? (() => {});
  const stages = missingStages(p);
  if (stages.includes("sample")) {
    report({ type: "stage", stage: "sample" });
    progress.log(`generating the synthetic sample (scale ${o.scale}) in ${p.sample}`);
    await generateSample({ scale: o.scale, firstYear: 2019, lastYear: 2024, seed: 42, out: p.sample, progress });
  }
  if (stages.includes("load")) {
    report({ type: "stage", stage: "load" });
    progress.log(`loading ${p.sample} into ${p.warehouse}`);
    const result = await loadExtract(p.sample, { warehouse: p.warehouse, progress });
    if (!result.written) throw new UserError(`the sample did not load:\n${result.check.report.format()}`);
  }
  progress.log(`warehouse ready: ${p.warehouse} (synthetic sample)`);
  if (stages.includes("publish")) {
    const { definitions, problems } = loadDefinitions(join("indicators", "definitions"));
    if (problems.length > 0) throw new UserError(`${problems.length} invalid definition(s): run boussole indicators validate`);
    const options = { warehouse: p.warehouse, log: (line: string) => progress.log(line), onProtected: (done: number, total: number) => report({ type: "tables", done, total }) };
    const hidden = (m: Manifest) => m.audit.hiddenSmallCount + m.audit.hiddenComplementary + m.audit.hiddenDerived;
    if (stages.includes("preview")) {
      report({ type: "stage", stage: "preview" });
      rmSync(p.preview, { recursive: true, force: true });
      const year = await latestYear(p.warehouse);
      progress.log(`publishing a first look, ${year} alone, into ${p.preview} (indicators, disclosure control, audit)`);
      const m = await publish(definitions, { ...options, out: p.preview, years: [year] });
      progress.log(`first look ${m.releaseId}: ${m.audit.cellsPublished} cells published, ${hidden(m)} hidden`);
    }
    report({ type: "preview" });
    report({ type: "stage", stage: "publish" });
    progress.log(`publishing the demo release into ${p.release}, every year, the first look's values as facts (this takes minutes the first time)`);
    const m = await publish(definitions, { ...options, out: p.release, previous: p.preview });
    progress.log(`release ${m.releaseId}: ${m.audit.cellsPublished} cells published, ${hidden(m)} hidden`);
  }
  progress.log(`release ready: ${p.release}`);
  report({ type: "stage", stage: "examples" });
  // The demo's example PDCA cycles (synthetic releases only, once per app.duckdb).
  const examples = await seedExampleCycles({ release: p.release, appDb: p.appDb });
  if (examples > 0) progress.log(`${examples} example PDCA cycles written into ${p.appDb}`);
}
