import { createHash } from "node:crypto";

/**
 * A short fingerprint of a suppression pattern (hidden cell ids and why), independent of the
 * order they were hidden in: two runs with the same fingerprint hid the same cells.
 */
export function patternHash(hidden: readonly (readonly [string, string])[]): string {
  const lines = hidden.map(([id, kind]) => `${id}\t${kind}`).sort();
  return createHash("sha256").update(lines.join("\n")).digest("hex").slice(0, 16);
}
