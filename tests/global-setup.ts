import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** One temporary root per test run, removed at the end: tests leave nothing behind. */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), "boussole-tests-"));
  process.env.BOUSSOLE_TEST_TMP = root;
  return () => rmSync(root, { recursive: true, force: true });
}
