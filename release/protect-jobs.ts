/**
 * Protecting many independent problems on both cores: each worker thread takes a share of the
 * problems (balanced by size), protects them one after the other and posts plain outcomes
 * (no Maps: they cross the thread boundary by structured clone).
 */
import { availableParallelism } from "node:os";
import { protect, type SdcOptions, type SdcProblem, type SdcRelease } from "../disclosure/index.ts";
import { runTsWorker } from "../etl/workers/ts-worker.ts";

export interface ProtectJob {
  key: string;
  problem: SdcProblem;
  options: SdcOptions;
}

export interface ProtectOutcome {
  key: string;
  hidden: [string, "primary" | "complementary"][];
  release: SdcRelease;
  cells: number;
  primary: number;
  complementary: number;
  lpSolves: number;
  narrowest: number | null;
  ms: number;
}

export async function protectAll(jobs: readonly ProtectJob[], onDone: (outcome: ProtectOutcome) => void = () => {}): Promise<ProtectOutcome[]> {
  const out: ProtectOutcome[] = [];
  for (const job of jobs) {
    const r = await protect(job.problem, job.options);
    const outcome: ProtectOutcome = {
      key: job.key, hidden: [...r.hidden], release: r.release, cells: r.stats.cells, primary: r.stats.primary, complementary: r.stats.complementary,
      lpSolves: r.stats.lpSolves, narrowest: r.audit.narrowest?.width ?? null, ms: r.stats.ms.total,
    };
    out.push(outcome);
    onDone(outcome);
  }
  return out;
}

const WORKER = new URL("./protect-worker.ts", import.meta.url);

/**
 * The same, on up to `threads` worker threads (default: the machine's cores, at most 2 below
 * 50 problems' worth of work being pointless). Outcomes come back in the jobs' order.
 */
export async function protectInParallel(jobs: readonly ProtectJob[], options: { threads?: number; onProgress?: (done: number) => void } = {}): Promise<ProtectOutcome[]> {
  const threads = Math.max(1, Math.min(options.threads ?? availableParallelism(), jobs.length));
  if (threads === 1) {
    let done = 0;
    return protectAll(jobs, () => options.onProgress?.(++done));
  }
  // Largest first, each to the least loaded share (cells as the measure of work).
  const shares: { jobs: ProtectJob[]; load: number }[] = Array.from({ length: threads }, () => ({ jobs: [], load: 0 }));
  for (const job of [...jobs].sort((a, b) => b.problem.cells.length - a.problem.cells.length)) {
    const share = shares.reduce((min, s) => (s.load < min.load ? s : min));
    share.jobs.push(job);
    share.load += job.problem.cells.length;
  }
  let done = 0;
  const results = await Promise.all(shares.map((s) => runTsWorker<ProtectOutcome[]>(WORKER, s.jobs, () => options.onProgress?.(++done))));
  const byKey = new Map(results.flat().map((o) => [o.key, o]));
  return jobs.map((j) => byKey.get(j.key)!);
}
