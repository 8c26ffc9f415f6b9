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
  /** The previous release's pattern passed its audit as it was (SdcProblem.previous). */
  settled: boolean;
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
    settled: r.stats.settled,
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

/** How the jobs are run, for both entry points below. */
export interface PoolOptions {
  /** Worker threads (default: the machine's cores). */
  threads?: number;
  /** Sees each job as it is built, before it is protected (bench/disclosure.ts records them to replay). */
  onJob?: (job: ProtectJob) => void;
}

const WORKER = new URL("./protect-worker.ts", import.meta.url);

/**
 * Protect every job on up to `threads` worker threads (default: the machine's cores), heaviest
 * first: independent problems, staged with nothing to wait for. Outcomes come back in the jobs'
 * order; the first failure stops everything.
 */
export function protectInParallel(jobs: readonly ProtectJob[], options: PoolOptions & { onProgress?: (done: number, outcome: ProtectOutcome) => void } = {}): Promise<ProtectOutcome[]> {
  return protectAsReady(
    jobs.map((job) => ({ after: [], work: expectedWork(job), build: () => job })),
    options,
  );
}

/** A problem that may start only once others are protected (their results shape it). */
export interface StagedJob {
  /** Indices of the jobs it waits for. */
  after: readonly number[];
  /** Its expected cost (expectedWork): among the jobs ready, the heaviest start first. */
  work: number;
  /** The job, built when it starts (after the jobs it waits for, whose outcomes are known by then). */
  build: () => ProtectJob;
}

/**
 * Protect staged jobs on up to `threads` worker threads: each starts as soon as the jobs it
 * waits for are done, the heaviest of those ready first, so no thread idles at a phase's end
 * while the other finishes a long problem. `onProgress` sees each outcome (with its job's index)
 * before any job waiting for it is built. Outcomes come back in the jobs' order.
 */
export async function protectAsReady(
  jobs: readonly StagedJob[],
  options: PoolOptions & { onProgress?: (done: number, outcome: ProtectOutcome, index: number) => void } = {},
): Promise<ProtectOutcome[]> {
  const waiting = jobs.map((j) => new Set(j.after));
  const dependents = jobs.map(() => [] as number[]);
  jobs.forEach((j, i) => j.after.forEach((d) => dependents[d]!.push(i)));
  const ready = jobs.flatMap((_, i) => (waiting[i]!.size === 0 ? [i] : []));
  const take = () => {
    if (ready.length === 0) return undefined;
    let best = 0;
    for (let k = 1; k < ready.length; k++) if (jobs[ready[k]!]!.work > jobs[ready[best]!]!.work) best = k;
    return ready.splice(best, 1)[0];
  };
  let done = 0;
  const finished = (index: number, outcome: ProtectOutcome) => {
    done++; // not inside `onProgress?.(…)`: its arguments are skipped when there is no callback
    options.onProgress?.(done, outcome, index);
    for (const i of dependents[index]!) {
      waiting[i]!.delete(index);
      if (waiting[i]!.size === 0) ready.push(i);
    }
  };
  const build = (index: number) => {
    const job = jobs[index]!.build();
    options.onJob?.(job);
    return job;
  };
  const threads = Math.max(1, Math.min(options.threads ?? availableParallelism(), jobs.length));
  if (threads === 1) {
    const out: ProtectOutcome[] = new Array(jobs.length);
    for (let index = take(); index !== undefined; index = take()) finished(index, (out[index] = await protectOne(build(index))));
    if (done < jobs.length) throw new Error(`${jobs.length - done} disclosure problem(s) wait for problems that never finish`);
    return out;
  }
  return runPool<ProtectJob, ProtectOutcome>(
    WORKER,
    { count: jobs.length, take, job: build },
    { threads, onResult: (_, outcome, index) => finished(index, outcome), label: (job) => `disclosure problem ${job.key}` },
  );
}
