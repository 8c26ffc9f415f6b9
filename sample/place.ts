import type { Geography, RegionCode } from "../geography/types.ts";

/** Where a synthetic person lives: a municipality, or one sector of a split municipality. */
export interface Place {
  nisCode: string;
  sectorCode: string | null;
  regionCode: RegionCode;
  deprivation: number;
  /** Population at 100% living here. */
  population: number;
  /** A network in one of this place's zones started an improvement action in 2022. */
  improving: boolean;
}

/**
 * Places of the geography: whole municipalities, except those split by sector in some
 * zone system, whose residents are placed in their sectors.
 */
export function placesOf(geo: Geography, improvingZones: ReadonlySet<string>): Place[] {
  const split = new Set(geo.members.filter((m) => m.sectorCode !== null).map((m) => m.nisCode));
  const zonesOf = (nis: string, sector: string | null) => geo.members.filter((m) => m.nisCode === nis && (m.sectorCode === null || m.sectorCode === sector)).map((m) => m.zoneCode);
  const places: Place[] = [];
  for (const m of [...geo.municipalities].sort((a, b) => a.nisCode.localeCompare(b.nisCode))) {
    const sectors = split.has(m.nisCode) ? geo.sectors.filter((s) => s.nisCode === m.nisCode) : [];
    const parts = sectors.length > 0 ? sectors.map((s) => ({ sector: s.sectorCode as string | null, share: s.populationShare })) : [{ sector: null, share: 1 }];
    for (const part of parts) {
      places.push({
        nisCode: m.nisCode,
        sectorCode: part.sector,
        regionCode: m.regionCode,
        deprivation: m.deprivation,
        population: Math.round(m.population * part.share),
        improving: zonesOf(m.nisCode, part.sector).some((z) => improvingZones.has(z)),
      });
    }
  }
  return places;
}
