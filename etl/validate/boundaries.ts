/* eslint-disable @typescript-eslint/no-explicit-any -- untrusted GeoJSON/TopoJSON is inspected by hand, field by field */
import { readFile } from "node:fs/promises";
import { createHash } from "node:crypto";
import { feature } from "topojson-client";
import { badArcIndex, crossingProblem, geometryProblem } from "./geometry-rules.ts";
import type { References } from "./references.ts";
import type { ValidationReport } from "./report.ts";

export interface BoundaryFeature {
  level: "municipality" | "sector" | "zone";
  code: string;
  geometry: { type: "Polygon" | "MultiPolygon"; coordinates: unknown };
}

export interface BoundaryFile {
  features: BoundaryFeature[];
  sha256: string;
  bytes: number;
}

const LEVELS = new Set(["municipality", "sector", "zone"]);

/**
 * Reads GeoJSON or TopoJSON boundaries (WGS84, keyed by code) and checks them against the
 * geography. `fill` (the shipped reference's, already checked) supplies the areas of the
 * geography that the file does not draw.
 */
export async function checkBoundaries(path: string, file: string, refs: References, report: ValidationReport, fill: readonly BoundaryFeature[] = []): Promise<BoundaryFile> {
  const buffer = await readFile(path);
  const out: BoundaryFile = { features: [], sha256: createHash("sha256").update(buffer).digest("hex"), bytes: buffer.length };
  let doc: any;
  try {
    doc = JSON.parse(buffer.toString("utf8"));
  } catch (e) {
    report.error("boundaries.json", file, `not valid JSON: ${(e as Error).message}`);
    return out;
  }
  let features: any[];
  if (doc?.type === "Topology") {
    const count = Array.isArray(doc.arcs) ? doc.arcs.length : 0;
    // topojson-client indexes arcs without checking them: a bad index must be said here.
    for (const [name, object] of Object.entries<any>(doc.objects ?? {})) {
      const geometries = object?.type === "GeometryCollection" ? (object.geometries ?? []) : [object];
      for (const [i, g] of geometries.entries()) {
        const bad = badArcIndex(g?.arcs, count);
        if (bad !== null) {
          report.error("boundaries.topojson-arcs", file, `object ${name}, geometry ${i + 1} refers to arc ${bad}, but the topology has ${count} arc(s)`, {
            column: `objects.${name}.geometries[${i}]`,
            value: String(bad),
          });
          return out;
        }
      }
    }
    try {
      features = Object.values(doc.objects ?? {}).flatMap((o: any) => {
        const f: any = feature(doc, o);
        return f.type === "FeatureCollection" ? f.features : [f];
      });
    } catch (e) {
      report.error("boundaries.format", file, `not a readable TopoJSON topology (${(e as Error).message.slice(0, 200)})`);
      return out;
    }
  } else if (doc?.type === "FeatureCollection" && Array.isArray(doc.features)) {
    features = doc.features;
  } else {
    report.error("boundaries.format", file, "expected a GeoJSON FeatureCollection or a TopoJSON Topology");
    return out;
  }

  const known = { municipality: refs.sets.municipality, sector: refs.sets.sector, zone: refs.sets.zone };
  features.forEach((f, i) => {
    const where = { column: `features[${i}]` };
    const level = f?.properties?.level;
    const code = f?.properties?.code === undefined ? undefined : String(f.properties.code);
    const type = f?.geometry?.type;
    if (!LEVELS.has(level)) return report.error("boundaries.level", file, `properties.level must be municipality, sector or zone`, { ...where, value: String(level) });
    if (code === undefined || !known[level as BoundaryFeature["level"]].has(code))
      return report.error("boundaries.unknown-code", file, `${level} ${code} is not in the geography`, { ...where, value: String(code) });
    if (type !== "Polygon" && type !== "MultiPolygon") return report.error("boundaries.geometry", file, `geometry must be a Polygon or MultiPolygon`, { ...where, value: String(type) });
    const shape = geometryProblem(type, f.geometry.coordinates);
    if (shape) return report.error("boundaries.geometry", file, `${level} ${code}: ${shape}`, where);
    const [lon, lat] = firstPosition(f.geometry.coordinates);
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) return report.error("boundaries.geometry", file, `geometry has no valid coordinates`, where);
    if (Math.abs(lon) > 1000 || Math.abs(lat) > 1000)
      return report.error("boundaries.crs", file, `coordinates look projected (Belgian Lambert 72, EPSG:31370?): convert to WGS84 longitude/latitude`, { ...where, value: `${lon},${lat}` });
    if (lon < 2 || lon > 7 || lat < 49 || lat > 52) return report.error("boundaries.outside-belgium", file, `coordinates ${lon},${lat} are outside Belgium (WGS84 longitude, latitude order)`, where);
    const crossing = crossingProblem(type, f.geometry.coordinates);
    if (crossing) report.warning("boundaries.self-crossing", file, `${level} ${code}: ${crossing}`, where);
    out.features.push({ level, code, geometry: f.geometry });
  });

  const own = new Set(out.features.map((f) => `${f.level}|${f.code}`));
  for (const f of fill) if (known[f.level].has(f.code) && !own.has(`${f.level}|${f.code}`)) out.features.push(f);
  const drawn = new Set(out.features.filter((f) => f.level === "municipality").map((f) => f.code));
  const undrawn = [...refs.sets.municipality].filter((c) => !drawn.has(c));
  if (undrawn.length > 0) report.warning("boundaries.missing", file, `${undrawn.length} municipality(ies) have no boundary (first: ${undrawn.slice(0, 5).join(", ")}); maps will leave them blank`);
  return out;
}

function firstPosition(coordinates: unknown): [number, number] {
  let c: any = coordinates;
  while (Array.isArray(c) && Array.isArray(c[0])) c = c[0];
  return Array.isArray(c) ? [Number(c[0]), Number(c[1])] : [NaN, NaN];
}
