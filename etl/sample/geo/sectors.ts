/**
 * Statistical sectors of the two split municipalities: Bruxelles-ville (six real
 * areas, approximate) and the large fictional city of Antwerpen province (nine
 * fictional sectors in three groups, each group one ELZ sub-zone).
 */
import type { Sector } from "../../geography/types.ts";
import type { Random } from "../random.ts";
import { lognormalWeights, shares } from "./apportion.ts";
import { BRUSSELS_CITY, BRUSSELS_CITY_SECTORS } from "./brussels.ts";
import { KM_PER_UNIT, round5, toLonLat, type XY } from "./plane.ts";

export const sectorCode = (nisCode: string, n: number): string => `${nisCode}_S${String(n).padStart(2, "0")}`;

export function brusselsCitySectors(): Sector[] {
  return BRUSSELS_CITY_SECTORS.map((s) => ({
    sectorCode: `${BRUSSELS_CITY}_${s.suffix}`, nisCode: BRUSSELS_CITY, nameFr: s.nameFr, nameNl: s.nameNl,
    lat: s.lat, lon: s.lon, populationShare: s.share,
  }));
}

export interface SectorGroup {
  /** Dutch label of the group, as in "ELZ <city> Noord". */
  labelNl: string;
  sectorCodes: string[];
}

/** Three wedges around the centre, one inner and two outer sectors each. */
const GROUPS = [
  { nl: "Noord", fr: "Nord", angle: 90 },
  { nl: "Oost", fr: "Est", angle: -30 },
  { nl: "Zuid", fr: "Sud", angle: 210 },
] as const;
const RINGS = [
  { km: 1.6, turn: 0, weight: 1.6 },
  { km: 4.2, turn: -35, weight: 1 },
  { km: 4.2, turn: 35, weight: 1 },
] as const;
/** Other municipalities keep this far from the split city's centre, leaving room for its sectors. */
export const SPLIT_CITY_RADIUS_KM = 7;

export function splitCitySectors(nisCode: string, name: string, centre: XY, rng: Random): { sectors: Sector[]; groups: SectorGroup[] } {
  const sectors: Sector[] = [];
  const groups: SectorGroup[] = [];
  const weights = lognormalWeights(rng, GROUPS.length * RINGS.length, 0.3);
  for (const g of GROUPS) {
    const group: SectorGroup = { labelNl: g.nl, sectorCodes: [] };
    RINGS.forEach((ring, k) => {
      const a = ((g.angle + ring.turn + rng.uniform(-8, 8)) * Math.PI) / 180;
      const r = (ring.km * rng.uniform(0.9, 1.1)) / KM_PER_UNIT;
      const [lon, lat] = toLonLat([centre[0] + r * Math.cos(a), centre[1] + r * Math.sin(a)]);
      const code = sectorCode(nisCode, sectors.length + 1);
      weights[sectors.length] = (weights[sectors.length] as number) * ring.weight;
      sectors.push({ sectorCode: code, nisCode, nameFr: `${name} ${g.fr} ${k + 1}`, nameNl: `${name} ${g.nl} ${k + 1}`, lat: round5(lat), lon: round5(lon), populationShare: 0 });
      group.sectorCodes.push(code);
    });
    groups.push(group);
  }
  shares(weights).forEach((s, i) => ((sectors[i] as Sector).populationShare = s));
  return { sectors, groups };
}
