import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const TINY = join(ROOT, "data-samples", "tiny");
export const INVALID = join(ROOT, "data-samples", "invalid");
/** "Today" for the tests, so that dates in the future stay in the future. */
export const TODAY = new Date("2026-11-23T12:00:00Z");

/** A fresh directory inside the run's temporary root (removed when the run ends). */
export function temporaryDirectory(prefix = "boussole-test-"): string {
  return mkdtempSync(join(process.env.BOUSSOLE_TEST_TMP ?? tmpdir(), prefix));
}

/** A copy of the tiny extract with some files replaced, added or removed. */
export function tinyWith(overlay: { dir?: string; files?: Record<string, string>; remove?: string[] } = {}): string {
  const dir = temporaryDirectory();
  cpSync(TINY, dir, { recursive: true });
  if (overlay.dir) for (const name of readdirSync(overlay.dir)) if (name !== "expected.json") cpSync(join(overlay.dir, name), join(dir, name));
  for (const [name, content] of Object.entries(overlay.files ?? {})) writeFileSync(join(dir, name), content);
  for (const name of overlay.remove ?? []) rmSync(join(dir, name));
  return dir;
}
