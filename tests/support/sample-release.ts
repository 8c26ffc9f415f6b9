// A release published from the synthetic sample (sample/), for API and browser tests that
// must not rely only on the hand-made fixture: real sample names (NULL German/English names of
// municipalities), real zone systems, real disclosure. Built once per test run under
// BOUSSOLE_TEST_TMP (set by tests/global-setup.ts) and shared by every test file and worker.
//
// Kept small on purpose: publishing all 41 definitions takes minutes, so this is one year,
// scale 0.0005 (about 6,000 people) and two indicators (gmd-coverage: a proportion by zone and
// municipality with strata; emergency-visits: a quarterly rate). Measured on 2 cores shared with other work: generate 8 s, load
// 11 s and publish 55 s (with a second indicator) at load average 12; the whole build inside a
// test run took about 170 s at load average 20-25. An idle machine takes a fraction of that.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { loadDefinitions } from "../../indicators/definition/load.ts";
import { generateSample } from "../../sample/generate.ts";
import { loadExtract } from "../../etl/load/load-extract.ts";
import { publish } from "../../release/publish.ts";

const ROOT = resolve(import.meta.dirname, "../..");
// emergency-visits: a quarterly rate (`sub-annual`), so that `period_cell` has rows too.
export const SAMPLE_INDICATORS = ["gmd-coverage", "emergency-visits"] as const;
const SAMPLE = { scale: 0.0005, firstYear: 2024, lastYear: 2024, seed: 7 };

let pending: Promise<string> | undefined;

/** The directory of the sample release (published.duckdb and manifest.json). */
export function sampleRelease(): Promise<string> {
  pending ??= build();
  return pending;
}

async function build(): Promise<string> {
  const root = join(process.env.BOUSSOLE_TEST_TMP ?? tmpdir(), "sample-release");
  const done = join(root, "release");
  if (existsSync(join(done, "manifest.json"))) return done;
  mkdirSync(root, { recursive: true });
  // One builder per run: mkdir is atomic, the other workers wait for the finished release.
  const lock = join(root, "building");
  try {
    mkdirSync(lock);
  } catch {
    return waitFor(done);
  }
  const work = join(root, `work-${process.pid}`);
  try {
    await generateSample({ ...SAMPLE, out: join(work, "extract") });
    const warehouse = join(work, "warehouse.duckdb");
    const load = await loadExtract(join(work, "extract"), { warehouse });
    if (!load.written) throw new Error("the synthetic sample did not load");
    const { definitions } = loadDefinitions(join(ROOT, "indicators", "definitions"));
    await publish(
      definitions.filter((d) => (SAMPLE_INDICATORS as readonly string[]).includes(d.id)),
      { warehouse, out: join(work, "release") },
    );
    renameSync(join(work, "release"), done);
    return done;
  } catch (error) {
    writeFileSync(join(root, "failed"), String(error));
    throw error;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function waitFor(done: string): Promise<string> {
  const deadline = Date.now() + 10 * 60_000;
  while (!existsSync(join(done, "manifest.json"))) {
    if (existsSync(join(done, "..", "failed"))) throw new Error(`the sample release failed to build: ${readFileSync(join(done, "..", "failed"), "utf8")}`);
    if (Date.now() > deadline) throw new Error(`the sample release was not built in time (${done})`);
    await new Promise((r) => setTimeout(r, 500));
  }
  return done;
}
