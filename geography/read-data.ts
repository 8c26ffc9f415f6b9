/**
 * Reads the files of geography/data (see geography/README.md for their sources). The only
 * I/O of the module; everything else is pure.
 */
import { readFileSync } from "node:fs";
import { feature, merge } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import type { Geometry } from "./geometry.ts";

const DATA = new URL("./data/", import.meta.url);
const text = (name: string): string => readFileSync(new URL(name, DATA), "utf8").replace(/^\uFEFF/, "");

/** Rows of a small comma-separated file without quoted fields. */
function csv(name: string): Record<string, string>[] {
  const [head, ...lines] = text(name)
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "");
  const columns = (head as string).split(",");
  return lines.map((l) => Object.fromEntries(l.split(",").map((v, i) => [columns[i] as string, v.trim()])));
}

export interface Municipality2019 {
  nisCode: string;
  nameFr: string;
  nameNl: string;
  population: number;
  geometry: Geometry;
}

export interface GeographyData {
  municipalities: Municipality2019[];
  /** The boundary of a merged municipality: its members' shapes dissolved (exact: they share arcs). */
  merged(nisCodes: readonly string[]): Geometry;
  elzZones: { code: string; name: string }[];
  elzMembers: { 2019: Map<string, string>; 2025: Map<string, string> };
  antwerpSubzones: { code: string; name: string; elzCode: string }[];
  antwerpSectors: { sectorCode: string; subzone: string }[];
  elzBoundaries: Map<string, Geometry>;
  antwerpBoundaries: Map<string, Geometry>;
  arrondissements: Map<string, { nameFr: string; nameNl: string }>;
}

function boundaries(name: string, codeOf: (p: Record<string, unknown>) => string | null): Map<string, Geometry> {
  const doc = JSON.parse(text(name)) as { features: { properties: Record<string, unknown>; geometry: Geometry }[] };
  const out = new Map<string, Geometry>();
  for (const f of doc.features) {
    const code = codeOf(f.properties);
    if (code !== null) out.set(code, f.geometry);
  }
  return out;
}

let cached: GeographyData | undefined;

export function readGeographyData(): GeographyData {
  if (cached) return cached;
  const topology = JSON.parse(text("municipalities-2019.topojson")) as Topology;
  const collection = topology.objects.municipalities as GeometryCollection<{ nis: string; name_fr: string; name_nl: string }>;
  const population = new Map(csv("population-2020.csv").map((r) => [r["NIS code"] as string, Number(r.Totaal)]));
  const municipalities = collection.geometries.map((g) => {
    const p = g.properties as { nis: string; name_fr: string; name_nl: string };
    const f = feature(topology, g) as unknown as { geometry: Geometry };
    const n = population.get(p.nis);
    if (n === undefined) throw new Error(`no 2020 population for ${p.nis}`);
    return { nisCode: p.nis, nameFr: p.name_fr, nameNl: p.name_nl, population: n, geometry: f.geometry };
  });
  const byCode = new Map(collection.geometries.map((g) => [(g.properties as { nis: string }).nis, g]));
  const merged = (codes: readonly string[]): Geometry => merge(topology, codes.map((c) => byCode.get(c) as NonNullable<ReturnType<typeof byCode.get>>) as never) as unknown as Geometry;
  const members = (name: string) => new Map(csv(name).map((r) => [r.nis_code as string, r.elz_code as string]));
  cached = {
    municipalities,
    merged,
    elzZones: csv("elz-zones.csv")
      .filter((r) => !/^elz9\d$/.test(r.elz_code as string))
      .map((r) => ({ code: r.elz_code as string, name: r.name_nl as string })),
    elzMembers: { 2019: members("elz-members-2019.csv"), 2025: members("elz-members-2025.csv") },
    antwerpSubzones: csv("elz-antwerp-subzones.csv").map((r) => ({ code: r.subzone_code as string, name: r.name_nl as string, elzCode: r.elz_code as string })),
    antwerpSectors: csv("elz-antwerp-sectors.csv").map((r) => ({ sectorCode: r.sector_code as string, subzone: r.subzone_code as string })),
    elzBoundaries: boundaries("elz-boundaries.geojson", (p) => String(p.elz)),
    arrondissements: new Map(
      (topology.objects.arrondissements as GeometryCollection<{ nis: string; name_fr: string; name_nl: string }>).geometries.map((g) => {
        const p = g.properties as { nis: string; name_fr: string; name_nl: string };
        return [p.nis, { nameFr: p.name_fr, nameNl: p.name_nl }];
      }),
    ),
    antwerpBoundaries: boundaries("elz-antwerp-subzones-boundaries.geojson", (p) => (/^\d+$/.test(String(p.ELZantw)) ? String(p.ELZantw) : null)),
  };
  return cached;
}
