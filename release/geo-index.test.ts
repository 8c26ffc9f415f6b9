import { describe, expect, it } from "vitest";
import { indexGeography } from "./geo-index.ts";
import type { ReleaseGeography } from "./geography.ts";

const member = (zone: string, nis: string, sector: string | null, system = "Z") => ({ system_code: system, zone_code: zone, nis_code: nis, sector_code: sector });

describe("indexGeography: sector groups", () => {
  // Antwerp's shape: one municipality split by sector between sub-zones, and a whole-city zone in
  // another system. Sectors in exactly the same zones are one unknown for disclosure control.
  const geo: ReleaseGeography = {
    areas: [],
    systems: [],
    members: [
      member("A1", "11002", "11002A"),
      member("A1", "11002", "11002B"),
      member("A2", "11002", "11002C"),
      member("CITY", "11002", "11002A", "W"),
      member("CITY", "11002", "11002B", "W"),
      member("CITY", "11002", "11002C", "W"),
      member("A2", "11004", null),
    ],
    boundaries: [],
  };
  const index = indexGeography(geo);

  it("groups the sectors of a municipality that lie in the same zones", () => {
    expect(index.sectorGroup.get("11002A")).toBe(index.sectorGroup.get("11002B"));
    expect(index.sectorGroup.get("11002C")).not.toBe(index.sectorGroup.get("11002A"));
    expect(new Set(index.sectorGroup.values()).size).toBe(2);
    for (const group of index.sectorGroup.values()) expect(index.municipalityOfGroup.get(group)).toBe("11002");
  });

  it("lists each group once among a zone's members, whole municipalities as they are", () => {
    const zone = (code: string) => index.zones.find((z) => z.zone === code)!.members;
    expect(zone("A1")).toEqual([{ nis: "11002", sector: index.sectorGroup.get("11002A") }]);
    expect(
      zone("CITY")
        .map((m) => m.sector)
        .sort(),
    ).toEqual([...new Set(index.sectorGroup.values())].sort());
    expect(zone("A2")).toEqual([
      { nis: "11002", sector: index.sectorGroup.get("11002C") },
      { nis: "11004", sector: null },
    ]);
  });
});
