/**
 * Protecting many independent problems on both cores, on the project's worker pool
 * (core/workers/pool.ts): each thread takes the next problem when it is done with one, so a
 * thread never idles while the other still holds a queue: problems differ in cost by two orders
 * of magnitude (a rare-event numerator with a thousand small cells against a table with none),
 * which no split made in advance balances. The likeliest heavy problems go first. Outcomes are
 * plain data (no Maps): they cross the thread boundary by structured clone.
 */
import { availableParallelism } from "node:os";
import { runPool } from "../core/workers/pool.ts";
import { protect, type SdcOptions, type SdcProblem, type SdcRelease } from "../disclosure/index.ts";

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
  /** Sensitive cells the problem could not give the full width (capped by cells it must publish). */
  unprotectable: string[];
  ms: number;
}

export async function protectOne(job: ProtectJob): Promise<ProtectOutcome> {
  const r = await protect(job.problem, job.options);
  return {
    key: job.key,
    hidden: [...r.hidden],
    release: r.release,
    cells: r.stats.cells,
    primary: r.stats.primary,
    complementary: r.stats.complementary,
    lpSolves: r.stats.lpSolves,
    narrowest: r.audit.narrowest?.width ?? null,
    unprotectable: r.unprotectable,
    ms: r.stats.ms.total,
  };
}

/**
 * A guess of a problem's cost, to start the heavy ones first: the work grows with the number of
 * small cells to protect (each may need LPs) times the size of the tables they sit in.
 */
export function expectedWork(job: ProtectJob): number {
  const minCount = job.options.minCount ?? 5;
  const small = job.problem.cells.filter((c) => c.value > 0 && c.value < minCount && !c.known).length;
  return (1 + small) * job.problem.cells.length;
}

const WORKER = new URL("./protect-worker.ts", import.meta.url);

/**
 * Protect every job on up to `threads` worker threads (default: the machine's cores). Outcomes
 * come back in the jobs' order; the first failure stops everything.
 */
export async function protectInParallel(jobs: readonly ProtectJob[], options: { threads?: number; onProgress?: (done: number, outcome: ProtectOutcome) => void } = {}): Promise<ProtectOutcome[]> {
  const threads = Math.max(1, Math.min(options.threads ?? availableParallelism(), jobs.length));
  if (threads === 1) {
    const out: ProtectOutcome[] = [];
    for (const job of jobs) {
      const outcome = await protectOne(job);
      out.push(outcome);
      options.onProgress?.(out.length, outcome);
    }
    return out;
  }
  const heaviestFirst = [...jobs].sort((a, b) => expectedWork(b) - expectedWork(a));
  const outcomes = await runPool<ProtectJob, ProtectOutcome>(WORKER, heaviestFirst, {
    threads,
    onResult: (done, outcome) => options.onProgress?.(done, outcome),
    label: (job) => `disclosure problem ${job.key}`,
  });
  const byKey = new Map(outcomes.map((o) => [o.key, o]));
  return jobs.map((j) => byKey.get(j.key)!);
}
