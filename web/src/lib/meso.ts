// One map of every meso zone of Belgium: the Flemish primary-care zones (without the zone that
// stands for all of Brussels), the Brussels bassins, the Walloon OLS (provisional or a network's
// own) and the German-speaking Community, side by side. Pure.
import type { Area } from "./api.ts";

export const MESO = "meso";

/** The zones of the meso map, each with its own system, from the zones of every system. */
export function mesoZones(zonesBySystem: ReadonlyMap<string, readonly Area[]>): Area[] {
  const has = (code: string) => zonesBySystem.has(code);
  const out: Area[] = [];
  for (const [system, zones] of zonesBySystem) {
    if (system === "elz") out.push(...zones.filter((z) => z.region_code === "02000" || (z.region_code === "04000" && !has("bassin"))));
    else if (system === "bassin" || system === "dg" || system.startsWith("ols")) out.push(...zones);
  }
  return out;
}

/** Systems whose zones make up the meso map. */
export const mesoSystems = (codes: readonly string[]): string[] => codes.filter((c) => c === "elz" || c === "bassin" || c === "dg" || c.startsWith("ols"));
