import { join } from "node:path";
import { loadDefinitions } from "../indicators/definition/load.ts";
import type { Definition } from "../indicators/definition/schema.ts";

/** The three indicators of the engine's peers (bench/peers/three-indicators.R, bench/hand-written.ts). */
export const PEER_INDICATORS: readonly string[] = ["gmd-coverage", "antibiotic-users", "emergency-visits"];

/** Their definitions, from the project's folder; throws if one is missing. */
export function peerDefinitions(): Definition[] {
  const { definitions } = loadDefinitions(join(import.meta.dirname, "..", "indicators", "definitions"));
  const three = definitions.filter((d) => PEER_INDICATORS.includes(d.id));
  if (three.length !== PEER_INDICATORS.length) throw new Error(`definitions missing: expected ${PEER_INDICATORS.join(", ")}`);
  return three;
}
