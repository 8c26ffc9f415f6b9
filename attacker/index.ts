/** The independent attacker: `attackRelease(dir)` for the audit, tests and the publish step. */
import { attack, type AttackOptions } from "./attack.ts";
import { readPublicRelease } from "./read.ts";
import type { AttackReport } from "./types.ts";

export { attack, type AttackOptions } from "./attack.ts";
export { readPublicRelease } from "./read.ts";
export type { AttackReport, Leak, Discovered, PublicRelease, PublicCell } from "./types.ts";

/** Attacks a release directory from its public tables (and manifest) alone. */
export async function attackRelease(dir: string, options: AttackOptions = {}): Promise<AttackReport> {
  return attack(await readPublicRelease(dir), options);
}
