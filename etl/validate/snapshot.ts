// The extract's files copied once into a private directory before any check: the checks, the
// hash and the load all read these copies, so what is loaded is byte for byte what was checked
// (a file appended to or swapped after the checks changes nothing). Only regular files are
// copied: a symbolic link, FIFO, socket or device is refused by name (a FIFO would hang the
// load; a link could point at a system file). Copies get plain names (0001.csv): DuckDB reads
// `*`, `?` and `[` in a path as a glob, so an extract's own file names never reach it.
// On Linux the kernel copies (copy_file_range: no bytes through JavaScript) and the copy is
// then hashed while the next file is copied; elsewhere bytes stream through the hash.
import { constants, createReadStream, createWriteStream, existsSync, readdirSync, rmSync } from "node:fs";
import { chmod, copyFile, lstat, mkdtemp, open, readdir, rm, type FileHandle } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, extname, join } from "node:path";
import { pipeline } from "node:stream/promises";
import { reason, SNAPSHOT_PREFIX } from "../../core/atomic-file.ts";
import { DigestStream, digestFile, type FileDigest } from "./file-digest.ts";
import type { ValidationReport } from "./report.ts";

export interface Snapshot {
  /** The private directory (mode 0700) holding the copies. */
  dir: string;
  /** Extract file name → its copy; only regular files the copy succeeded for. */
  paths: Map<string, string>;
  /** Extract file name → the hash and byte scan made while copying it. */
  digests: Map<string, FileDigest>;
  /** Subdirectories of the extract (ignored, as before). */
  directories: Set<string>;
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

/** The kernel can copy an open file by its /proc path (Linux). */
const KERNEL_COPY = process.platform === "linux" && existsSync("/proc/self/fd");

export interface SnapshotOptions {
  /** Where the private directory is made (default the system's temporary folder). */
  parent?: string;
  /** Copy in the kernel, then hash the copy (default where the system allows it); else stream through the hash. */
  kernelCopy?: boolean;
}

export async function snapshotExtract(dir: string, report: ValidationReport, options: SnapshotOptions = {}): Promise<Snapshot> {
  const { parent = tmpdir(), kernelCopy = KERNEL_COPY } = options;
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
  const dispose = () => rm(snapshot, { recursive: true, force: true });
  // One copy's hash runs while the next file is copied; a failure is kept until it is awaited.
  let hashing: Promise<void> = Promise.resolve();
  let hashFailure: unknown = null;
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
      const copy = join(snapshot, `${String(++n).padStart(4, "0")}${safeExtension(name)}`);
      const digest = await copyRegular(source, copy, name, report, kernelCopy);
      if (!digest) continue;
      paths.set(name, copy);
      await hashing;
      hashing = digest().then(
        (d) => void digests.set(name, d),
        (error: unknown) => void (hashFailure ??= error),
      );
    }
    await hashing;
    if (hashFailure !== null) throw hashFailure;
  } catch (error) {
    await hashing;
    await dispose();
    throw error;
  }
  return { dir: snapshot, paths, digests, directories, dispose };
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
 * file itself: a file swapped for a link or a pipe after lstat is still refused. Resolves once
 * the copy is made, with how to get its digest (null when the file is refused).
 */
async function copyRegular(source: string, target: string, name: string, report: ValidationReport, kernelCopy: boolean): Promise<(() => Promise<FileDigest>) | null> {
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
  try {
    if (!(await handle.stat()).isFile()) {
      report.error("file.not-regular", name, "not a regular file when opened: only regular files are read");
      return null;
    }
    try {
      if (kernelCopy) {
        await copyInKernel(handle, target);
        return () => digestCopy(target, name);
      }
      const digest = await copyThroughHash(handle, target);
      return () => Promise.resolve(digest);
    } catch (error) {
      throw copyError(name, target, error);
    }
  } finally {
    await handle.close();
  }
}

/** The opened file (not whatever its name now points at) copied by the kernel, readable by this user only. */
async function copyInKernel(handle: FileHandle, target: string): Promise<void> {
  await copyFile(`/proc/self/fd/${handle.fd}`, target, constants.COPYFILE_EXCL);
  await chmod(target, 0o600);
}

/** The digest of the copy itself: what is checked and loaded. */
async function digestCopy(target: string, name: string): Promise<FileDigest> {
  try {
    const copy = await open(target, constants.O_RDONLY);
    try {
      return await digestFile(copy);
    } finally {
      await copy.close();
    }
  } catch (error) {
    throw copyError(name, target, error);
  }
}

async function copyThroughHash(handle: FileHandle, target: string): Promise<FileDigest> {
  const digest = new DigestStream();
  await pipeline(createReadStream("", { fd: handle.fd, autoClose: false, start: 0 }), digest, createWriteStream(target, { flags: "wx", mode: 0o600 }));
  return digest.result();
}

function copyError(name: string, target: string, error: unknown): SnapshotError {
  return new SnapshotError(`cannot copy ${name} into ${dirname(target)} before checking it: ${reason(error)}. Nothing was loaded.`);
}
