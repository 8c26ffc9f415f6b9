// The extract's files, fixed before any check so that what is loaded is what was checked. On
// Linux each regular file is opened once and held open: the checks, the hash and the load all
// read it through that descriptor (/proc/self/fd/N: the file that was opened, even if its name
// is later given to another), and a file whose size, modification or change time has moved by
// the end (written to, or replaced under its name) is refused (`file.changed`): nothing is
// loaded from bytes other than those checked. (Linux stamps files from a coarse clock: a
// same-size rewrite within a few milliseconds of a write made just before the open would not
// show; an append changes the size, and any later write moves the times.)
// Elsewhere each file is copied once into a private directory, through the hash. Only regular
// files are read: a symbolic link, FIFO, socket or device is refused by name (a FIFO would hang
// the load; a link could point at a system file). Paths carry no extract file name (a held
// descriptor's number, a copy's 0001.csv): DuckDB reads `*`, `?` and `[` in a path as a glob.
// Holding instead of copying spares writing the extract again: 29 GB for full Belgium, more
// than a minute and a half of this machine's disk (docs/performance.md).
import { constants, createReadStream, createWriteStream, existsSync, readdirSync, rmSync } from "node:fs";
import { lstat, mkdtemp, open, readdir, rm, type FileHandle } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import { extname, join } from "node:path";
import { pipeline } from "node:stream/promises";
import { reason, SNAPSHOT_PREFIX } from "../../core/atomic-file.ts";
import { JobError, runPool } from "../../core/workers/pool.ts";
import { DigestStream, digestFile, type FileDigest } from "./file-digest.ts";
import type { ValidationReport } from "./report.ts";

export interface Snapshot {
  /** The private directory (mode 0700) holding the copies, if any. */
  dir: string;
  /** Extract file name → the path its checks and load read (a held descriptor or a copy); only regular files that opened. */
  paths: Map<string, string>;
  /** Extract file name → the hash and byte scan of what is read. */
  digests: Map<string, FileDigest>;
  /** Subdirectories of the extract (ignored, as before). */
  directories: Set<string>;
  /** Held files whose size, modification or change time is no longer what it was when opened (never a copy). */
  changed(): Promise<string[]>;
  /** Closes the held files and removes the copies. */
  dispose(): Promise<void>;
}

/** This process's snapshots in `parent`, removed synchronously (from a signal handler). */
export function removeOwnSnapshotsSync(parent: string): void {
  let names: string[] = [];
  try {
    names = readdirSync(parent);
  } catch {
    return;
  }
  for (const name of names) if (name.startsWith(`${SNAPSHOT_PREFIX}${process.pid}-`)) rmSync(join(parent, name), { recursive: true, force: true });
}

/** Characters DuckDB expands in a file path. */
export const GLOB_CHARACTERS = /[*?[\]{}]/;

/** A parent for the snapshot: `preferred` (the warehouse's folder, same disk) unless its path would glob. */
export function snapshotParent(preferred?: string): string {
  return preferred && !GLOB_CHARACTERS.test(preferred) ? preferred : tmpdir();
}

/** Reading a held descriptor by path needs /proc/self/fd (Linux). */
const CAN_HOLD = process.platform === "linux" && existsSync("/proc/self/fd");

export interface SnapshotOptions {
  /** Where the private directory is made (default the system's temporary folder). */
  parent?: string;
  /** "hold" each file open (default where the system allows it) or "copy" it. */
  method?: "hold" | "copy";
  /** Tests set these: threads hashing held files (default up to 2) and the total size from which they start. */
  parallel?: { threads?: number; fromBytes?: number };
}

interface Held {
  name: string;
  handle: FileHandle;
  stamp: string;
  bytes: number;
}

/**
 * Below this many bytes in all, hashing stays on this thread: starting the pool's threads (with
 * tsx) costs about a second, what this thread hashes in 1.5 GB (scale 0.05: 1.2 s on this
 * thread, 1.3–2.2 s on two).
 */
const PARALLEL_FROM_BYTES = 2 * 2 ** 30;

export async function snapshotExtract(dir: string, report: ValidationReport, options: SnapshotOptions = {}): Promise<Snapshot> {
  const { parent = tmpdir(), method = CAN_HOLD ? "hold" : "copy" } = options;
  const names = (await readdir(dir)).sort();
  let snapshot: string;
  try {
    snapshot = await mkdtemp(join(parent, `${SNAPSHOT_PREFIX}${process.pid}-`));
  } catch (error) {
    throw new SnapshotError(`cannot write to ${parent} (the extract is copied there before its checks): ${reason(error)}. Nothing was checked or loaded.`);
  }
  const paths = new Map<string, string>();
  const digests = new Map<string, FileDigest>();
  const directories = new Set<string>();
  const held: Held[] = [];
  const dispose = async () => {
    for (const h of held.splice(0)) await h.handle.close();
    await rm(snapshot, { recursive: true, force: true });
  };
  const changed = async () => {
    const moved: string[] = [];
    for (const h of held) if ((await stampOf(h.handle)) !== h.stamp) moved.push(h.name);
    return moved;
  };
  try {
    let n = 0;
    for (const name of names) {
      const source = join(dir, name);
      const info = await lstat(source);
      if (info.isDirectory()) {
        directories.add(name);
        continue;
      }
      if (name.startsWith(".")) continue;
      if (!info.isFile()) {
        report.error("file.not-regular", name, `${describe(info)}: only regular files are read (copy the file itself into the extract)`);
        continue;
      }
      const handle = await openRegular(source, name, report);
      if (!handle) continue;
      if (method === "hold") {
        // Stamped before it is read: a change while it is hashed shows at the end too.
        held.push({ name, handle, stamp: await stampOf(handle), bytes: (await handle.stat()).size });
        paths.set(name, `/proc/self/fd/${handle.fd}`);
        continue;
      }
      const copy = join(snapshot, `${String(++n).padStart(4, "0")}${safeExtension(name)}`);
      try {
        digests.set(name, await copyThroughHash(handle, copy));
      } catch (error) {
        throw new SnapshotError(`cannot copy ${name} into ${snapshot} before checking it: ${reason(error)}. Nothing was loaded.`);
      } finally {
        await handle.close();
      }
      paths.set(name, copy);
    }
    if (held.length > 0) for (const [name, digest] of await digestHeld(held, options.parallel)) digests.set(name, digest);
  } catch (error) {
    await dispose();
    throw error;
  }
  return { dir: snapshot, paths, digests, directories, changed, dispose };
}

/**
 * The held files' digests, in their order. Large extracts are hashed on both cores, two files
 * at a time, the largest first (the pool's worker threads read the same descriptors): hashing
 * is most of the snapshot's time, 29 GB for full Belgium (docs/performance.md).
 */
async function digestHeld(held: Held[], parallel: SnapshotOptions["parallel"] = {}): Promise<[string, FileDigest][]> {
  const threads = Math.min(parallel.threads ?? Math.min(2, availableParallelism()), held.length);
  const total = held.reduce((sum, h) => sum + h.bytes, 0);
  if (threads < 2 || total < (parallel.fromBytes ?? PARALLEL_FROM_BYTES)) {
    const out: [string, FileDigest][] = [];
    for (const h of held) out.push([h.name, await readError(h.name, digestFile(h.handle))]);
    return out;
  }
  const largestFirst = held.map((_, i) => i).sort((a, b) => held[b]!.bytes - held[a]!.bytes);
  try {
    const digests = await runPool<{ path: string }, FileDigest>(
      new URL("./digest-worker.ts", import.meta.url),
      largestFirst.map((i) => ({ path: `/proc/self/fd/${held[i]!.handle.fd}` })),
      { threads, label: (_, k) => held[largestFirst[k]!]!.name },
    );
    const byIndex = new Map(largestFirst.map((i, k) => [i, digests[k]!]));
    return held.map((h, i) => [h.name, byIndex.get(i)!]);
  } catch (error) {
    if (!(error instanceof JobError)) throw error;
    throw new SnapshotError(`cannot read ${held[largestFirst[error.index]!]!.name} before checking it: ${error.workerMessage}. Nothing was loaded.`);
  }
}

/** What moves when a file is written to: its identity, size, and modification and change times (nanoseconds). */
async function stampOf(handle: FileHandle): Promise<string> {
  const s = await handle.stat({ bigint: true });
  return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
}

async function readError<T>(name: string, reading: Promise<T>): Promise<T> {
  try {
    return await reading;
  } catch (error) {
    throw new SnapshotError(`cannot read ${name} before checking it: ${reason(error)}. Nothing was loaded.`);
  }
}

/** Disk full, read-only or not allowed: said in words, before any check runs. */
export class SnapshotError extends Error {
  override name = "SnapshotError";
}

function describe(info: Awaited<ReturnType<typeof lstat>>): string {
  if (info.isSymbolicLink()) return "a symbolic link";
  if (info.isFIFO()) return "a named pipe (FIFO)";
  if (info.isSocket()) return "a socket";
  return "a device, not a regular file";
}

/** The extension in lower case when it is plain letters and digits (it decides the reader). */
function safeExtension(name: string): string {
  const ext = extname(name).toLowerCase();
  return /^\.[a-z0-9]{1,10}$/.test(ext) ? ext : "";
}

/**
 * Opens without following a link and without blocking on a FIFO, then checks the opened
 * file itself: a file swapped for a link or a pipe after lstat is still refused. Null (and
 * said in the report) when the file is refused.
 */
async function openRegular(source: string, name: string, report: ValidationReport): Promise<FileHandle | null> {
  let handle;
  try {
    handle = await open(source, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ELOOP" || code === "ENXIO") {
      report.error("file.not-regular", name, "became a link or a pipe while being read: only regular files are read");
      return null;
    }
    report.error("file.unreadable", name, `cannot be read (${code ?? (error as Error).message})`);
    return null;
  }
  if ((await handle.stat()).isFile()) return handle;
  await handle.close();
  report.error("file.not-regular", name, "not a regular file when opened: only regular files are read");
  return null;
}

async function copyThroughHash(handle: FileHandle, target: string): Promise<FileDigest> {
  const digest = new DigestStream();
  await pipeline(createReadStream("", { fd: handle.fd, autoClose: false, start: 0 }), digest, createWriteStream(target, { flags: "wx", mode: 0o600 }));
  return digest.result();
}
