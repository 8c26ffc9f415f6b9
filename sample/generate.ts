import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { pipeline } from "node:stream/promises";
import { runPool } from "../core/workers/pool.ts";
import { simulateBlock, type SimulationJob, type SimulationPart } from "./simulate-worker.ts";
import { PERSON_FILES } from "./person-files.ts";
import type { Place } from "./place.ts";
import { join } from "node:path";
import { boundaryFilePattern, kindOfFile } from "../contract/index.ts";
import { Database } from "../core/duckdb.ts";
import type { Progress } from "../core/progress.ts";
import { silentProgress } from "../core/progress.ts";
import { writeStatbelIncome, writeStatbelPopulation, writeZoneAggregates } from "./aggregates.ts";
import { buildSyntheticGeography, sampleBoundaries } from "./geography.ts";
import { writeGeographyFiles } from "../geography/write-files.ts";
import { placesOf } from "./place.ts";
import { Random } from "./random.ts";
import { PopulationCount } from "./simulate.ts";
import { sampleReadme } from "./readme.ts";

export interface SampleOptions {
  /** Share of Belgium's 11.8 million people to simulate (1.0 = everyone). */
  scale: number;
  firstYear: number;
  lastYear: number;
  seed: number;
  out: string;
  format?: "csv" | "parquet";
  progress?: Progress;
  /** Worker threads for the simulation (default: up to 2); the output does not depend on it. */
  workers?: number;
}

export interface SampleResult {
  files: string[];
  rows: Record<string, number>;
  people: number;
}

/**
 * Zones where a network started an improvement action in 2022 (the PDCA demonstration): one
 * real zone per system — an ELZ (Gent, elz13), an Antwerp sub-zone (Noord Antwerpen), a Brussels
 * bassin (Nord-Est: Schaerbeek, Evere, Saint-Josse), a provisional Walloon OLS (arrondissement
 * of Charleroi) and the German-speaking Community. The actions, like every figure, are synthetic.
 */
export const IMPROVING_ZONES = ["elz13", "elz2-4", "BXL-NORD-EST", "OLS-P-52", "DG"] as const;

/**
 * Writes a complete synthetic extract in the contract's formats. Deterministic: the same
 * options give the same bytes (every draw comes from one seeded generator, in a fixed order).
 */
export async function generateSample(o: SampleOptions): Promise<SampleResult> {
  const progress = o.progress ?? silentProgress;
  if (!(o.scale > 0 && o.scale <= 1)) throw new Error(`--scale must be in (0, 1], got ${o.scale}`);
  if (!(o.firstYear <= o.lastYear)) throw new Error(`--years must be FIRST-LAST with FIRST ≤ LAST, got ${o.firstYear}-${o.lastYear}`);
  await mkdir(o.out, { recursive: true });
  await removePreviousExtract(o.out);

  const rng = new Random(o.seed);
  const geo = buildSyntheticGeography(o.seed);
  const zoneCodes = new Set(geo.zones.map((z) => z.code));
  const improving = new Set(IMPROVING_ZONES.filter((z) => zoneCodes.has(z)));
  const files = writeGeographyFiles(o.out, geo, sampleBoundaries());

  const places = placesOf(geo, improving);
  const task = progress.task(
    "simulate people",
    places.reduce((n, p) => n + p.population, 0),
  );
  const simulation = { scale: o.scale, firstYear: o.firstYear, lastYear: o.lastYear };
  const blocks = splitByPopulation(places, Math.max(1, o.workers ?? Math.min(2, availableParallelism())));
  const jobs: SimulationJob[] = blocks.map((block, k) => ({ seed: o.seed, places: block, options: simulation, dir: o.out, suffix: String(k), withHeader: k === 0 }));
  // Each block reports the population it has simulated; the bar shows their sum.
  const done = jobs.map(() => 0);
  const report = (k: number) => (n: number) => {
    done[k] = n;
    task.update(done.reduce((a, b) => a + b, 0));
  };
  const worker = new URL("./simulate-worker.ts", import.meta.url);
  // One block per thread, on the project's worker pool (core/workers/pool.ts).
  const parts = jobs.length === 1 ? [simulateBlock(jobs[0]!, report(0))] : await runPool<SimulationJob, SimulationPart>(worker, jobs, { threads: jobs.length, onProgress: (k, n) => report(k)(n) });
  const census = new PopulationCount();
  for (const part of parts) census.merge(part.census);
  const people = parts.reduce((n, p) => n + p.people, 0);
  for (const file of Object.values(PERSON_FILES)) await concatenateParts(o.out, file.name, jobs.length);
  task.done(`${people.toLocaleString("en")} people`);

  files.push(...Object.values(PERSON_FILES).map((f) => f.name));
  files.push(...writeStatbelPopulation(o.out, geo, census, o.firstYear, o.lastYear));
  writeStatbelIncome(o.out, rng.fork("income"), geo, o.scale, o.firstYear, o.lastYear);
  writeZoneAggregates(o.out, rng.fork("zones"), geo, o.scale, o.firstYear, o.lastYear, improving);
  files.push("TF_PSNL_INC_TAX_MUNTY.txt", "zone_prem.csv", "zone_workforce.csv", "zone_supply.csv");

  const total = (key: string) => parts.reduce((n, p) => n + (p.rows[key] ?? 0), 0);
  const rows = {
    ima_population: total("population"),
    ima_healthcare: total("healthcare"),
    ima_pharmacy: total("pharmacy"),
    ima_hospital_stays: total("stays"),
  };
  if (o.format === "parquet") await convertToParquet(o.out, Object.keys(rows));
  const manifest = {
    producer: "boussole sample",
    synthetic: true,
    description: "Synthetic data: no real person, event or figure. Generated by `boussole sample`.",
    seed: o.seed,
    scale: o.scale,
    years: `${o.firstYear}-${o.lastYear}`,
    improvingZones: [...improving],
  };
  await writeFile(join(o.out, "extract.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  await writeFile(join(o.out, "README.md"), sampleReadme(o, people, rows, [...improving]));
  return { files: o.format === "parquet" ? files.map((f) => f.replace(/^(ima_\w+)\.csv$/, "$1.parquet")) : files, rows, people };
}

/** Contiguous blocks of places of about equal population, one per worker: concatenated in order they give the same bytes as one block. */
export function splitByPopulation(places: Place[], count: number): Place[][] {
  const total = places.reduce((n, p) => n + p.population, 0);
  const blocks: Place[][] = Array.from({ length: count }, () => []);
  let seen = 0;
  for (const place of places) {
    const k = Math.min(count - 1, Math.floor((seen / total) * count));
    (blocks[k] as Place[]).push(place);
    seen += place.population;
  }
  return blocks.filter((b) => b.length > 0);
}

async function concatenateParts(dir: string, name: string, count: number): Promise<void> {
  const target = join(dir, name);
  await rename(join(dir, `${name}.part-0`), target);
  for (let k = 1; k < count; k++) {
    const part = join(dir, `${name}.part-${k}`);
    await pipeline(createReadStream(part), createWriteStream(target, { flags: "a" }));
    await rm(part);
  }
}

/** A sample directory is rewritten whole: leftovers of an earlier run (other years, other format) would mix in. */
async function removePreviousExtract(dir: string): Promise<void> {
  for (const name of await readdir(dir)) {
    if (kindOfFile(name) || boundaryFilePattern.test(name) || name === "extract.json" || /\.part-\d+$/.test(name)) await rm(join(dir, name), { force: true });
  }
}

async function convertToParquet(dir: string, names: string[]): Promise<void> {
  // One thread keeps row groups in a fixed order, so the Parquet bytes are reproducible.
  const db = await Database.open(":memory:", { threads: 1, memoryLimit: "1GB" });
  try {
    for (const name of names) {
      const csv = join(dir, `${name}.csv`);
      const delimiter = Object.values(PERSON_FILES).find((f) => f.name === `${name}.csv`)?.delimiter ?? ",";
      await db.run(
        `COPY (SELECT * FROM read_csv($1, delim='${delimiter}', header=true, all_varchar=true)) TO '${join(dir, `${name}.parquet`).replaceAll("'", "''")}' (FORMAT parquet, COMPRESSION zstd)`,
        [csv],
      );
      await rm(csv);
    }
  } finally {
    db.close();
  }
}
