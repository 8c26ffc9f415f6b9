// The demo of `npm start`, built from the synthetic sample in data/: each stage's output is kept
// and reused by the next start, so a stage runs only when its output is missing. Run by
// `start --no-serve`, which is also the child process a first start serves beside
// (serve-while-building.ts): it then reports each stage to its parent over IPC.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { createProgress, type Progress } from "../core/progress.ts";
import { UserError } from "../core/user-error.ts";
import { loadExtract } from "../etl/load/load-extract.ts";
import { loadDefinitions } from "../indicators/definition/load.ts";
import { publish } from "../release/publish.ts";
import { generateSample } from "../sample/generate.ts";
import type { BuildMessage, BuildStage } from "../server/building/status.ts";
import { seedExampleCycles } from "../server/pdca/seed-examples.ts";

export interface DemoPaths {
  sample: string;
  warehouse: string;
  release: string;
  appDb: string;
}

export function demoPaths(data: string): DemoPaths {
  return { sample: join(data, "sample"), warehouse: join(data, "warehouse.duckdb"), release: join(data, "release"), appDb: join(data, "app.duckdb") };
}

/** The stages a start has to run; none when the demo is complete (the examples are then only checked). */
export function missingStages(p: DemoPaths): BuildStage[] {
  const missing: BuildStage[] = [];
  if (!existsSync(join(p.sample, "extract.json"))) missing.push("sample");
  if (!existsSync(p.warehouse)) missing.push("load");
  if (!existsSync(join(p.release, "manifest.json"))) missing.push("publish");
  return missing.length > 0 ? [...missing, "examples"] : [];
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
    report({ type: "stage", stage: "publish" });
    progress.log(`publishing the demo release into ${p.release} (indicators, disclosure control, audit: this takes long the first time)`);
    const { definitions, problems } = loadDefinitions(join("indicators", "definitions"));
    if (problems.length > 0) throw new UserError(`${problems.length} invalid definition(s): run boussole indicators validate`);
    const m = await publish(definitions, {
      warehouse: p.warehouse,
      out: p.release,
      log: (line) => progress.log(line),
      onProtected: (done, total) => report({ type: "tables", done, total }),
    });
    progress.log(`release ${m.releaseId}: ${m.audit.cellsPublished} cells published, ${m.audit.hiddenSmallCount + m.audit.hiddenComplementary + m.audit.hiddenDerived} hidden`);
  }
  progress.log(`release ready: ${p.release}`);
  report({ type: "stage", stage: "examples" });
  // The demo's example PDCA cycles (synthetic releases only, once per app.duckdb).
  const examples = await seedExampleCycles({ release: p.release, appDb: p.appDb });
  if (examples > 0) progress.log(`${examples} example PDCA cycles written into ${p.appDb}`);
}
