import { join } from "node:path";
import { Random } from "./random.ts";
import { PopulationCount, simulatePlace, type SimulationOptions } from "./simulate.ts";
import { TextFileWriter } from "../core/text-writer.ts";
import { serveJobs } from "../core/workers/serve-jobs.ts";
import type { Place } from "./place.ts";
import { PERSON_FILES } from "./person-files.ts";

export interface SimulationJob {
  seed: number;
  places: Place[];
  options: SimulationOptions;
  /** Part files are written as `<file>.part-<suffix>` in this directory. */
  dir: string;
  suffix: string;
  /** Only the first block writes the header lines. */
  withHeader: boolean;
}

export interface SimulationPart {
  people: number;
  rows: Record<string, number>;
  census: [number, number][];
}

/** Simulates a block of places: every place draws from its own stream, so the block split never changes the bytes. */
export function simulateBlock(job: SimulationJob, onProgress?: (population: number) => void): SimulationPart {
  const root = new Random(job.seed);
  const open = (file: keyof typeof PERSON_FILES) =>
    new TextFileWriter(join(job.dir, `${PERSON_FILES[file].name}.part-${job.suffix}`), job.withHeader ? PERSON_FILES[file].header : null, { bom: PERSON_FILES[file].bom });
  const population = open("population");
  const events = { healthcare: open("healthcare"), pharmacy: open("pharmacy"), stays: open("stays") };
  const census = new PopulationCount();
  let people = 0;
  let done = 0;
  for (const place of job.places) {
    const rng = root.fork(`place:${place.nisCode}:${place.sectorCode ?? ""}`);
    const gpCount = Math.max(2, Math.ceil((place.population * job.options.scale) / 60));
    const gps = Array.from({ length: gpCount }, (_, i) => `gp${place.nisCode}${String(i).padStart(3, "0")}`);
    people += simulatePlace(rng, place, job.options, population, events, census, gps);
    done += place.population;
    onProgress?.(done);
  }
  const writers = { population, ...events };
  for (const w of Object.values(writers)) w.close();
  return { people, rows: Object.fromEntries(Object.entries(writers).map(([k, w]) => [k, w.rows])), census: census.toArray() };
}

// In a pool's worker thread (core/workers/pool.ts): simulates one block per job.
serveJobs<SimulationJob, SimulationPart>((job, { progress }) => simulateBlock(job, progress));
