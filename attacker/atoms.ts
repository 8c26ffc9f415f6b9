/**
 * Geography as sums of unknown atoms. The finest units the public can see are municipalities
 * and, where zones split a municipality, its sectors plus the rest of the municipality. Every
 * published area (zone of any system, municipality, province, region, Belgium) is a sum of
 * them. Atoms that lie in exactly the same published areas are merged: no published cell can
 * tell them apart, and fewer unknowns make smaller linear programs.
 */
import { cellKey, type PublicArea, type PublicZoneMember } from "./types.ts";

export interface Atoms {
  count: number;
  /** Area key (`level|system|code`) → the atoms it is the sum of. */
  ofArea: Map<string, number[]>;
}

export function buildAtoms(areas: readonly PublicArea[], members: readonly PublicZoneMember[], usedAreas: ReadonlySet<string>): Atoms {
  const sectorsOf = new Map<string, Set<string>>();
  for (const m of members) if (m.sectorCode !== null) (sectorsOf.get(m.nisCode) ?? sectorsOf.set(m.nisCode, new Set()).get(m.nisCode)!).add(m.sectorCode);
  // Raw atoms: a municipality, or its listed sectors and the rest of it (possibly empty).
  const rawOf = new Map<string, string[]>();
  const containers = new Map<string, Set<string>>();
  const add = (raw: string, area: string) => (containers.get(raw) ?? containers.set(raw, new Set()).get(raw)!).add(area);
  const belgium = areas.find((a) => a.level === "belgium");
  for (const a of areas) {
    if (a.level !== "municipality") continue;
    const sectors = sectorsOf.get(a.areaCode);
    const raws = sectors ? [...[...sectors].sort().map((s) => `${a.areaCode}#${s}`), `${a.areaCode}#rest`] : [a.areaCode];
    rawOf.set(a.areaCode, raws);
    for (const raw of raws) {
      add(raw, cellKey("municipality", null, a.areaCode));
      if (belgium) add(raw, cellKey("belgium", null, belgium.areaCode));
      if (a.regionCode) add(raw, cellKey("region", null, a.regionCode));
      if (a.provinceCode) add(raw, cellKey("province", null, a.provinceCode));
    }
  }
  for (const m of members) {
    const raws = rawOf.get(m.nisCode);
    if (!raws) continue;
    const zone = cellKey("zone", m.systemCode, m.zoneCode);
    for (const raw of m.sectorCode === null ? raws : [`${m.nisCode}#${m.sectorCode}`]) add(raw, zone);
  }
  // Merge raw atoms by the set of used areas containing them.
  const bySignature = new Map<string, number>();
  const ofArea = new Map<string, number[]>();
  for (const [raw, set] of containers) {
    void raw;
    const used = [...set].filter((k) => usedAreas.has(k)).sort();
    if (used.length === 0) continue;
    const signature = used.join("\n");
    let atom = bySignature.get(signature);
    if (atom === undefined) {
      atom = bySignature.size;
      bySignature.set(signature, atom);
      for (const k of used) (ofArea.get(k) ?? ofArea.set(k, []).get(k)!).push(atom);
    }
  }
  return { count: bySignature.size, ofArea };
}
