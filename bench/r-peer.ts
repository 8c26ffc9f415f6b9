/**
 * Boussole against an analyst's R data.table script (bench/peers/three-indicators.R), from
 * the same CSV extract to the figures of three indicators, in one run on one machine: seconds,
 * CPU and peak memory of each, the ratio, and the check that both give the same numerator and
 * denominator in every cell. Skipped, with the reason, where R or data.table is missing
 * (Debian: apt-get install r-cran-data.table) or BENCH_R_PEER=0.
 *
 * Alone: node --import tsx bench/r-peer.ts EXTRACT_DIR [SCALE]
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { agrees, compareFigures, parseFiguresCsv, type Agreement } from "./peer-figures.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const RSCRIPT = "/usr/bin/Rscript";

export interface PeerRun {
  seconds: number;
  cpuSeconds: number;
  maxRssMb: number;
  /** 1-minute load average when the run started and when it ended (the machine is shared). */
  load: [number, number];
}

export interface RPeerBench {
  scale: number;
  skipped?: string;
  r?: PeerRun & { version: string };
  boussole?: PeerRun & { loadSeconds: number; computeSeconds: number; cells: number };
  /** Boussole's seconds over R's: the target is at most 0.5 (twice as fast as R). */
  boussoleOverR?: number;
  /** The same in CPU seconds: steadier than wall time on a shared machine. */
  cpuBoussoleOverR?: number;
  agreement?: Agreement;
  target: { boussoleOverR: number };
  withinTarget?: boolean;
}

/** Why the peer cannot run here, or undefined when it can. */
export function rPeerUnavailable(): string | undefined {
  if (process.env.BENCH_R_PEER === "0") return "skipped: BENCH_R_PEER=0";
  if (!existsSync(RSCRIPT)) return "skipped: Rscript not installed (Debian: apt-get install r-cran-data.table)";
  const probe = spawnSync(RSCRIPT, ["-e", "library(data.table)"], { encoding: "utf8" });
  if (probe.status !== 0) return "skipped: the R package data.table is not installed (Debian: apt-get install r-cran-data.table)";
  return undefined;
}

function timed(command: string, args: string[]): { stdout: string; seconds: number; load: [number, number] } {
  const before = loadavg()[0]!;
  const started = performance.now();
  const stdout = execFileSync(command, args, { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 26 });
  return { stdout, seconds: (performance.now() - started) / 1000, load: [before, loadavg()[0]!] };
}

/** Both sides on one extract; throws if their figures disagree. */
export function benchRPeer(scale: number, extract: string): RPeerBench {
  const target = { boussoleOverR: 0.5 };
  const skipped = rPeerUnavailable();
  if (skipped) return { scale, skipped, target };
  const work = mkdtempSync(join(tmpdir(), `boussole-r-peer-${scale}-`));
  try {
    // Boussole first: if the page cache favours anyone, it favours R, the second to read the files.
    const b = timed(process.execPath, [
      "--max-semi-space-size=64",
      "--import",
      "tsx",
      join(ROOT, "bench", "tasks", "r-peer-task.ts"),
      extract,
      join(work, "warehouse.duckdb"),
      join(work, "boussole.csv"),
    ]);
    const own = JSON.parse(b.stdout.trim().split("\n").at(-1) as string) as { loadSeconds: number; computeSeconds: number; cpuSeconds: number; maxRssMb: number; cells: number };
    const r = timed(RSCRIPT, [join(ROOT, "bench", "peers", "three-indicators.R"), extract, join(work, "r.csv")]);
    const [, , cpu, rss] = (r.stdout.trim().split("\n").at(-1) as string).split(" ");
    const version = execFileSync(RSCRIPT, ["-e", 'cat(R.version$major, ".", R.version$minor, ", data.table ", format(packageVersion("data.table")), sep = "")'], { encoding: "utf8" }).trim();
    const agreement = compareFigures(parseFiguresCsv(readFileSync(join(work, "boussole.csv"), "utf8")), parseFiguresCsv(readFileSync(join(work, "r.csv"), "utf8")));
    const result: RPeerBench = {
      scale,
      r: { seconds: r.seconds, cpuSeconds: Number(cpu), maxRssMb: Number(rss), load: r.load, version: `R ${version}` },
      boussole: { seconds: b.seconds, cpuSeconds: own.cpuSeconds, maxRssMb: own.maxRssMb, load: b.load, loadSeconds: own.loadSeconds, computeSeconds: own.computeSeconds, cells: own.cells },
      boussoleOverR: b.seconds / r.seconds,
      cpuBoussoleOverR: own.cpuSeconds / Number(cpu),
      agreement,
      target,
      withinTarget: b.seconds / r.seconds <= target.boussoleOverR,
    };
    if (!agrees(agreement)) throw new Error(`Boussole and the R peer disagree at scale ${scale}: ${JSON.stringify(agreement, null, 2)}`);
    return result;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** One row per scale for console.table. */
export function rPeerRow(p: RPeerBench): Record<string, unknown> {
  if (!p.r || !p.boussole || !p.agreement) return { scale: p.scale, note: p.skipped };
  return {
    scale: p.scale,
    "Boussole s": p.boussole.seconds.toFixed(1),
    "(load + compute)": `${p.boussole.loadSeconds.toFixed(1)} + ${p.boussole.computeSeconds.toFixed(1)}`,
    "CPU s": p.boussole.cpuSeconds.toFixed(1),
    "peak MB": Math.round(p.boussole.maxRssMb),
    "R s": p.r.seconds.toFixed(1),
    "R CPU s": p.r.cpuSeconds.toFixed(1),
    "R peak MB": Math.round(p.r.maxRssMb),
    "Boussole / R": (p.boussoleOverR ?? NaN).toFixed(2),
    "CPU Boussole / R": (p.cpuBoussoleOverR ?? NaN).toFixed(2),
    "load avg": `${p.boussole.load[0].toFixed(1)}→${p.r.load[1].toFixed(1)}`,
    "cells agree": `${p.agreement.agree}/${p.agreement.compared}`,
    "within target": p.withinTarget,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [extract, scale = "0"] = process.argv.slice(2);
  if (!extract) throw new Error("usage: node --import tsx bench/r-peer.ts EXTRACT_DIR [SCALE]");
  const result = benchRPeer(Number(scale), extract);
  console.log(JSON.stringify(result, null, 2));
  console.table([rPeerRow(result)]);
}
