import { closeSync, fsyncSync, openSync } from "node:fs";
import { readdir, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/**
 * A new warehouse is built beside the old one under a temporary name and renamed over it
 * only when complete: rename is atomic on one file system, so a reader sees the old file or
 * the new one, never half of either, and a killed load leaves the old file untouched.
 */
export function temporaryPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.tmp-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`);
}

/** Removes what killed loads left behind (their process is gone). */
export async function removeStaleTemporaries(target: string): Promise<string[]> {
  const prefix = `.${basename(target)}.tmp-`;
  const removed: string[] = [];
  let names: string[] = [];
  try {
    names = await readdir(dirname(target));
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length).split("-")[0]);
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) continue;
    await rm(join(dirname(target), name), { force: true });
    removed.push(name);
  }
  return removed;
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
