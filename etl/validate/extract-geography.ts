/**
 * An extract may omit the geography files: the shipped reference of its vintage stands in.
 * The reference is written, in the contract's formats, to a temporary directory that the
 * validator reads like the extract's own files (and the load records like them).
 *
 * - No `geo_municipalities` file: the reference supplies municipalities and sectors, its
 *   boundaries when the extract has none, and its zone systems when the extract supplies none.
 *   An extract that supplies zone files (systems, zones and members together) replaces the
 *   reference's zone systems with its own (and the reference's zone polygons are dropped).
 * - An extract that brings its own boundaries file keeps it; the reference's boundaries fill
 *   in what it leaves out (e.g. a file of zone polygons only still gets municipal boundaries).
 * - The vintage is the one asked for (`--vintage`), else 2025. Any year before 2025 gets the
 *   581 municipalities of 2019–2024, labelled with that year.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { boundaryFilePattern, kindOfFile } from "../../contract/index.ts";
import type { BoundaryFeature } from "./boundaries.ts";
import { referenceGeography, vintageFor } from "../../geography/reference.ts";
import { writeGeographyFiles } from "../../geography/write-files.ts";

export interface SuppliedGeography {
  dir: string;
  /** File names inside `dir`, to be read as if they were the extract's. */
  names: string[];
  vintage: number;
  /**
   * The reference's boundaries, to fill in what an extract's own boundaries file leaves out (a
   * file of zone polygons only still gets the municipalities' map). Without zone polygons when
   * the extract brings its own zone systems.
   */
  fill: BoundaryFeature[];
}

const ZONE_KINDS = new Set(["geo_zone_system", "geo_zone", "geo_zone_member"]);
const made: string[] = [];
let cleanupRegistered = false;

/** The reference files an extract with these file names needs, or null when it brings its own municipalities. */
export function referenceGeographyFor(extractNames: readonly string[], vintage?: number): SuppliedGeography | null {
  const kinds = new Set(extractNames.map((n) => kindOfFile(n)?.id).filter((k): k is string => k !== undefined));
  if (kinds.has("geo_municipality")) return null;
  const label = vintage ?? 2025;
  const ref = referenceGeography(vintageFor(label));
  const dir = mkdtempSync(join(tmpdir(), "boussole-reference-geography-"));
  made.push(dir);
  if (!cleanupRegistered) {
    cleanupRegistered = true;
    process.once("exit", () => made.forEach((d) => rmSync(d, { recursive: true, force: true })));
  }
  const ownZones = [...kinds].some((k) => ZONE_KINDS.has(k));
  // The reference's zone polygons belong to its zone systems: gone when the extract replaces them.
  const boundaries = ownZones ? { ...ref.boundaries, features: ref.boundaries.features.filter((f) => f.properties.level !== "zone") } : ref.boundaries;
  const written = writeGeographyFiles(dir, { ...ref.geography, vintage: label }, boundaries);
  const names = written.filter((name) => {
    if (extractNames.includes(name)) return false;
    if (boundaryFilePattern.test(name)) return !extractNames.some((n) => boundaryFilePattern.test(n));
    return !(ownZones && ZONE_KINDS.has(kindOfFile(name)?.id ?? ""));
  });
  const fill = boundaries.features.map((f) => ({ level: f.properties.level, code: f.properties.code, geometry: f.geometry }));
  return { dir, names, vintage: label, fill };
}
