import { stat } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { fileKinds, type FileKind } from "../../contract/index.ts";
import type { Progress } from "../../core/progress.ts";
import { runTsWorker } from "../../core/workers/ts-worker.ts";
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

/**
 * Checks the non-geography files, on both cores when they are large: each file goes whole
 * to one worker (line numbers need the whole file), the largest first to the least loaded.
 * Results are merged in the files' order, so the report does not depend on timing.
 */
export async function checkFiles(
  files: { name: string; kind: FileKind; path: string }[],
  ctx: { report: ValidationReport; today: Date; references: References; progress?: Progress },
): Promise<ExtractFile[]> {
  const sizes = await Promise.all(files.map(async (f) => (await stat(f.path)).size));
  const totalBytes = sizes.reduce((a, b) => a + b, 0);
  const workers = Math.min(2, availableParallelism(), files.length);
  const base = { references: ctx.references, today: ctx.today.toISOString() };
  let checked: CheckedFile[];
  if (workers < 2 || totalBytes < PARALLEL_FROM_BYTES) {
    checked = await checkJob({ ...base, files: files.map((f) => ({ name: f.name, kind: f.kind.id, path: f.path })) }, ctx.progress);
  } else {
    const loads = Array.from({ length: workers }, () => ({ bytes: 0, files: [] as { name: string; kind: string; path: string }[] }));
    for (const i of sizes.map((_, i) => i).sort((a, b) => (sizes[b] as number) - (sizes[a] as number))) {
      const least = loads.reduce((a, b) => (b.bytes < a.bytes ? b : a));
      least.bytes += sizes[i] as number;
      least.files.push({ name: files[i]!.name, kind: files[i]!.kind.id, path: files[i]!.path });
    }
    const task = ctx.progress?.task(`check ${files.length} files on ${workers} threads`, totalBytes);
    const read = loads.map(() => 0);
    const worker = new URL("./check-worker.ts", import.meta.url);
    const results = await Promise.all(
      loads.map((l, k) =>
        runTsWorker<CheckedFile[]>(worker, { ...base, files: l.files }, (bytes) => {
          read[k] = bytes;
          task?.update(read.reduce((a, b) => a + b, 0));
        }),
      ),
    );
    task?.done();
    const byName = new Map(results.flat().map((c) => [c.name, c]));
    checked = files.map((f) => byName.get(f.name) as CheckedFile);
  }
  return checked.map(({ report, ...file }) => {
    ctx.report.absorb(report);
    return { ...file, kind: fileKinds.find((k) => k.id === file.kind) as FileKind };
  });
}
