import type { Zone } from "../store/types.ts";

export const CODE = /^[A-Za-z0-9_.-]{1,40}$/;

/** "SYSTEM:ZONE[,SYSTEM:ZONE…]" (the CLI's --zones); throws with the offending item. */
export function parseZones(text: string): Zone[] {
  const zones: Zone[] = [];
  for (const item of text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [system, zone, extra] = item.split(":");
    if (!system || !zone || extra !== undefined || !CODE.test(system) || !CODE.test(zone)) throw new Error(`'${item}' is not SYSTEM:ZONE (codes of letters, digits, '.', '_' or '-')`);
    if (!zones.some((z) => z.system === system && z.zone === zone)) zones.push({ system, zone });
  }
  return zones;
}

export const formatZones = (zones: readonly Zone[]): string => zones.map((z) => `${z.system}:${z.zone}`).join(",");
