import { closeSync, fsyncSync, openSync, rmSync } from "node:fs";
import { mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import { UserError } from "./user-error.ts";
import { basename, dirname, join } from "node:path";

/** `.boussole-snapshot-<pid>-<random>`: the pid tells a live load's snapshot from a dead one's. */
export const SNAPSHOT_PREFIX = ".boussole-snapshot-";

/** Why a file could not be written, in words (disk full, read-only, not allowed). */
export function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOSPC") return "the disk is full (ENOSPC)";
  if (code === "EROFS") return "the file system is read-only (EROFS)";
  if (code === "EACCES" || code === "EPERM") return `permission denied (${code})`;
  if (code === "EDQUOT") return "the disk quota is exceeded (EDQUOT)";
  return code ?? (error as Error).message;
}

/**
 * A new warehouse is built beside the old one under a temporary name and renamed over it
 * only when complete: rename is atomic on one file system, so a reader sees the old file or
 * the new one, never half of either, and a killed load leaves the old file untouched.
 */
export function temporaryPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.tmp-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`);
}

/**
 * Removes what killed loads left behind (their process is gone): temporary warehouses, their
 * WALs and extract snapshots. A live load's files (another process) are left alone.
 */
export async function removeStaleTemporaries(target: string): Promise<string[]> {
  const prefixes = [`.${basename(target)}.tmp-`, SNAPSHOT_PREFIX];
  const removed: string[] = [];
  let names: string[] = [];
  try {
    names = await readdir(dirname(target));
  } catch {
    return removed;
  }
  for (const name of names) {
    const prefix = prefixes.find((p) => name.startsWith(p));
    if (!prefix) continue;
    const pid = Number(name.slice(prefix.length).split("-")[0]);
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) continue;
    await rm(join(dirname(target), name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

/** Fails with a clear message when `dir` cannot take a new file (read-only, full, not allowed). */
export async function ensureWritable(dir: string): Promise<void> {
  const probe = join(dir, `.boussole-write-probe-${process.pid}`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(probe, "probe");
  } catch (error) {
    throw new UserError(`cannot write to ${dir}: ${reason(error)}. Nothing was checked or replaced.`);
  } finally {
    await rm(probe, { force: true }).catch(() => {});
  }
}

export function discardSync(temporary: string): void {
  rmSync(temporary, { force: true });
  rmSync(`${temporary}.wal`, { force: true });
}

/**
 * Runs `cleanup` if SIGINT or SIGTERM arrives, then dies of that signal as it would have.
 * Returns the function that removes the handlers (call it when the work is over).
 */
export function onTermination(cleanup: () => void): () => void {
  const handler = (signal: NodeJS.Signals) => {
    remove();
    try {
      cleanup();
    } finally {
      process.kill(process.pid, signal);
    }
  };
  const remove = () => {
    process.off("SIGINT", handler);
    process.off("SIGTERM", handler);
  };
  process.once("SIGINT", handler);
  process.once("SIGTERM", handler);
  return remove;
}

export async function replaceAtomically(temporary: string, target: string): Promise<void> {
  fsyncPath(temporary);
  await rm(`${temporary}.wal`, { force: true });
  await rename(temporary, target);
  // A stale WAL of the old file must not be replayed onto the new one.
  await rm(`${target}.wal`, { force: true });
  fsyncPath(dirname(target));
}

export async function discard(temporary: string): Promise<void> {
  await rm(temporary, { force: true });
  await rm(`${temporary}.wal`, { force: true });
}

function fsyncPath(path: string): void {
  const fd = openSync(path, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to another user; its file is not ours to remove.
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
