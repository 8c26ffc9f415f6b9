import { describe, expect, it } from "vitest";
import { buildAtoms } from "./atoms.ts";
import type { PublicArea, PublicZoneMember } from "./types.ts";

const muni = (code: string, province: string | null): PublicArea => ({ level: "municipality", systemCode: null, areaCode: code, regionCode: "R", provinceCode: province });

describe("atoms from zone_member", () => {
  const areas: PublicArea[] = [
    { level: "belgium", systemCode: null, areaCode: "BE", regionCode: null, provinceCode: null },
    { level: "province", systemCode: null, areaCode: "P1", regionCode: "R", provinceCode: null },
    muni("a", "P1"),
    muni("b", "P1"),
    muni("c", "P1"),
    muni("d", null),
  ];
  // System S splits municipality a by sectors; system T overlaps S.
  const members: PublicZoneMember[] = [
    { systemCode: "S", zoneCode: "s1", nisCode: "a", sectorCode: "a1" },
    { systemCode: "S", zoneCode: "s2", nisCode: "a", sectorCode: "a2" },
    { systemCode: "S", zoneCode: "s2", nisCode: "b", sectorCode: null },
    { systemCode: "S", zoneCode: "s2", nisCode: "c", sectorCode: null },
    { systemCode: "S", zoneCode: "s3", nisCode: "d", sectorCode: null },
    { systemCode: "T", zoneCode: "t1", nisCode: "a", sectorCode: null },
    { systemCode: "T", zoneCode: "t1", nisCode: "b", sectorCode: null },
    { systemCode: "T", zoneCode: "t2", nisCode: "c", sectorCode: null },
    { systemCode: "T", zoneCode: "t2", nisCode: "d", sectorCode: null },
  ];
  const used = new Set(["belgium||BE", "province||P1", "zone|S|s1", "zone|S|s2", "zone|S|s3", "zone|T|t1", "zone|T|t2"]);

  it("makes every published area a sum of atoms, splitting sectors and merging what no area separates", () => {
    const atoms = buildAtoms(areas, members, used);
    // a1; a2 merged with b (same published areas); the rest of a; c; d.
    expect(atoms.count).toBe(5);
    const of = (k: string) => new Set(atoms.ofArea.get(k));
    expect(of("belgium||BE").size).toBe(5);
    expect(of("zone|S|s1").size).toBe(1);
    expect(of("zone|T|t1").size).toBe(3); // a1, a2+b, rest of a
    expect([...of("zone|S|s1")].every((x) => of("zone|T|t1").has(x))).toBe(true);
    expect(of("province||P1").size).toBe(4);
    // Overlap of systems: s2 ∩ t2 is municipality c alone.
    expect([...of("zone|S|s2")].filter((x) => of("zone|T|t2").has(x))).toHaveLength(1);
  });

  it("merges municipalities that lie in the same published areas", () => {
    const atoms = buildAtoms(areas, members, new Set(["belgium||BE"]));
    expect(atoms.count).toBe(1);
  });
});
