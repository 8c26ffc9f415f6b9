/**
 * `npm run bench:disclosure`: one year's disclosure problems of the demo, replayed one by one on
 * one thread, so that two versions of disclosure/ can be compared on the same problems (the demo
 * publish mixes them on two threads with computing and writing, and its noise hides a 10 % change).
 *
 * The problems are recorded once, from a publish of that year (PublishOptions.onDisclosureJob), into
 * a folder of JSON files, and read from there on later runs: a second checkout can replay the very
 * problems the first recorded.
 *
 *   npm run bench:disclosure -- [--year 2022] [--jobs <dir>] [--warehouse <file>] [--only <text>]
 *
 * Without --warehouse, the demo's warehouse (scale 0.01, seed 42) is built in a temporary folder.
 * Prints one line per problem (seconds, LP solves, simplex iterations, complementary cells, a hash
 * of the hidden cells: the same hash means the same pattern) and the totals with the load average;
 * writes them to bench/results/disclosure-latest.json.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { solveCounter } from "../disclosure/lp.ts";
import { loadDefinitions } from "../indicators/definition/load.ts";
import { protectOne, type ProtectJob } from "../release/protect-jobs.ts";
import { publish } from "../release/publish.ts";
import { patternHash } from "./pattern-hash.ts";

const ROOT = join(import.meta.dirname, "..");
const { values: args } = parseArgs({ options: { year: { type: "string", default: "2022" }, jobs: { type: "string" }, warehouse: { type: "string" }, only: { type: "string" } } });
const year = Number(args.year);
const jobsDir = args.jobs ?? join(ROOT, "bench", "results", `disclosure-jobs-${year}`);

if (!existsSync(jobsDir) || readdirSync(jobsDir).length === 0) await record();

const files = readdirSync(jobsDir)
  .filter((f) => f.endsWith(".json") && (!args.only || f.includes(args.only)))
  .sort();
const loadBefore = loadavg()[0]!;
const rows = [];
for (const file of files) {
  const job = JSON.parse(readFileSync(join(jobsDir, file), "utf8")) as ProtectJob;
  const [solves, iterations, lpMilliseconds] = [solveCounter.count, solveCounter.iterations, solveCounter.milliseconds];
  const started = performance.now();
  const outcome = await protectOne(job);
  const seconds = (performance.now() - started) / 1000;
  const row = {
    problem: job.key,
    seconds,
    /** Time inside HiGHS's solves alone. */
    lpSeconds: (solveCounter.milliseconds - lpMilliseconds) / 1000,
    lpSolves: solveCounter.count - solves,
    simplexIterations: solveCounter.iterations - iterations,
    cells: outcome.cells,
    primary: outcome.primary,
    complementary: outcome.complementary,
    hidden: patternHash(outcome.hidden),
    narrowest: outcome.narrowest,
  };
  rows.push(row);
  console.log(`${seconds.toFixed(2).padStart(7)} s  ${String(row.lpSolves).padStart(6)} LPs  ${String(row.complementary).padStart(5)} complementary  ${row.hidden}  ${job.key.slice(0, 90)}`);
}
const total = {
  year,
  problems: rows.length,
  seconds: rows.reduce((s, r) => s + r.seconds, 0),
  lpSeconds: rows.reduce((s, r) => s + r.lpSeconds, 0),
  lpSolves: rows.reduce((s, r) => s + r.lpSolves, 0),
  simplexIterations: rows.reduce((s, r) => s + r.simplexIterations, 0),
  complementary: rows.reduce((s, r) => s + r.complementary, 0),
  loadBefore,
  loadAfter: loadavg()[0]!,
};
console.log(
  `${total.problems} problems of ${year}: ${total.seconds.toFixed(1)} s on one thread (${total.lpSeconds.toFixed(1)} s in HiGHS's solves), ${total.lpSolves} LP solves, ${total.simplexIterations} simplex iterations, ${total.complementary} complementary cells (load average ${loadBefore.toFixed(2)} → ${total.loadAfter.toFixed(2)})`,
);
mkdirSync(join(ROOT, "bench", "results"), { recursive: true });
writeFileSync(join(ROOT, "bench", "results", "disclosure-latest.json"), `${JSON.stringify({ started: new Date().toISOString(), jobs: jobsDir, total, problems: rows }, null, 2)}\n`);

/** Publish the year once (the demo's warehouse unless one is given), keeping every problem handed to disclosure control. */
async function record(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), "boussole-bench-disclosure-"));
  try {
    let warehouse = args.warehouse;
    if (!warehouse) {
      const cli = (...a: string[]) => execFileSync(process.execPath, [join(ROOT, "bin", "boussole.js"), ...a], { cwd: ROOT, stdio: "ignore" });
      console.log("building the demo's warehouse (scale 0.01, seed 42)…");
      cli("sample", "--scale", "0.01", "--seed", "42", "--out", join(work, "extract"));
      cli("load", join(work, "extract"), "--warehouse", (warehouse = join(work, "warehouse.duckdb")));
    }
    console.log(`recording ${year}'s disclosure problems into ${jobsDir}…`);
    mkdirSync(jobsDir, { recursive: true });
    const { definitions } = loadDefinitions(join(ROOT, "indicators", "definitions"));
    let n = 0;
    await publish(definitions, {
      warehouse,
      out: join(work, "release"),
      years: [year],
      onDisclosureJob: (job) => writeFileSync(join(jobsDir, `${String(++n).padStart(3, "0")}-${job.key.replace(/[^A-Za-z0-9@|_-]+/g, "_").slice(0, 80)}.json`), JSON.stringify(job)),
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
