import { stat } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { fileKinds, type FileKind } from "../../contract/index.ts";
import type { Progress } from "../../core/progress.ts";
import { runPool } from "../../core/workers/pool.ts";
import { checkFile } from "./check-file.ts";
import type { ExtractFile } from "./extract.ts";
import type { References } from "./references.ts";
import { ValidationReport } from "./report.ts";

export interface CheckJob {
  files: { name: string; kind: string; path: string }[];
  references: References;
  today: string;
}

export type CheckedFile = Omit<ExtractFile, "kind"> & { kind: string; report: ReturnType<ValidationReport["export"]> };

/** Below this many bytes, starting threads costs more than it saves. */
const PARALLEL_FROM_BYTES = 64 << 20;

/** Checks files one by one, each with its own report (so that results merge in a fixed order). */
export async function checkJob(job: CheckJob, progress?: Progress): Promise<CheckedFile[]> {
  const out: CheckedFile[] = [];
  for (const f of job.files) {
    const kind = fileKinds.find((k) => k.id === f.kind) as FileKind;
    const report = new ValidationReport();
    const entry = await checkFile(f.path, f.name, kind, { report, today: new Date(job.today), references: job.references, progress });
    out.push({ ...entry, kind: kind.id, report: report.export() });
  }
  return out;
}

/** What every file's check reads, sent once to each worker thread. */
export type CheckShared = Omit<CheckJob, "files">;

/**
 * Checks the non-geography files, on both cores when they are large, on the project's worker
 * pool (core/workers/pool.ts): each file goes whole to one worker (line numbers need the whole
 * file), the largest first, each thread taking the next file when it is done with one. Results
 * are merged in the files' order, so the report does not depend on timing.
 */
export async function checkFiles(
  files: { name: string; kind: FileKind; path: string }[],
  ctx: {
    report: ValidationReport;
    today: Date;
    references: References;
    progress?: Progress;
    /** Tests set these: threads (default up to 2) and the size from which they start. */
    parallel?: { threads?: number; fromBytes?: number };
  },
): Promise<ExtractFile[]> {
  const sizes = await Promise.all(files.map(async (f) => (await stat(f.path)).size));
  const totalBytes = sizes.reduce((a, b) => a + b, 0);
  const workers = Math.min(ctx.parallel?.threads ?? Math.min(2, availableParallelism()), files.length);
  const shared: CheckShared = { references: ctx.references, today: ctx.today.toISOString() };
  const jobs = files.map((f) => ({ name: f.name, kind: f.kind.id, path: f.path }));
  let checked: CheckedFile[];
  if (workers < 2 || totalBytes < (ctx.parallel?.fromBytes ?? PARALLEL_FROM_BYTES)) {
    checked = await checkJob({ ...shared, files: jobs }, ctx.progress);
  } else {
    const largestFirst = sizes.map((_, i) => i).sort((a, b) => (sizes[b] as number) - (sizes[a] as number));
    const task = ctx.progress?.task(`check ${files.length} files on ${workers} threads`, totalBytes);
    // Bytes read so far in each file (by its place in `largestFirst`).
    const read = largestFirst.map(() => 0);
    const results = await runPool<CheckJob["files"][number], CheckedFile>(
      new URL("./check-worker.ts", import.meta.url),
      largestFirst.map((i) => jobs[i]!),
      {
        threads: workers,
        shared,
        onProgress: (k, bytes) => {
          read[k] = bytes;
          task?.update(read.reduce((a, b) => a + b, 0));
        },
        label: (file) => file.name,
      },
    );
    task?.done();
    const byName = new Map(results.map((c) => [c.name, c]));
    checked = files.map((f) => byName.get(f.name) as CheckedFile);
  }
  return checked.map(({ report, ...file }) => {
    ctx.report.absorb(report);
    return { ...file, kind: fileKinds.find((k) => k.id === file.kind) as FileKind };
  });
}
