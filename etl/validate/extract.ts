import { join } from "node:path";
import { boundaryFilePattern, fileKinds, kindOfFile } from "../../contract/index.ts";
import type { FileKind } from "../../contract/index.ts";
import type { Progress } from "../../core/progress.ts";
import { checkBoundaries, type BoundaryFile } from "./boundaries.ts";
import type { CsvDialect } from "./csv-reader.ts";
import { checkFile } from "./check-file.ts";
import { checkFiles } from "./check-pool.ts";
import { checkGeography, checkGeographyReferences } from "./geography-rules.ts";
import { checkZoneVintages } from "./vintage-rules.ts";
import { referenceGeographyFor } from "./extract-geography.ts";
import type { HeaderMapping } from "./header.ts";
import { buildReferences, chooseVintage, emptyReferences, type GeographyRows, type References } from "./references.ts";
import { ValidationReport } from "./report.ts";
import { EXTRACT_INFO_FILE, readExtractInfo, type ExtractInfo } from "./extract-info.ts";
import { planScreen, screenFiles } from "./screen-file.ts";
import type { ScreenParts } from "./screen-sql.ts";
import { snapshotExtract, type Snapshot } from "./snapshot.ts";

export interface ExtractFile {
  name: string;
  path: string;
  kind: FileKind;
  format: "csv" | "parquet";
  dialect?: CsvDialect;
  mapping?: HeaderMapping;
  headerColumns?: string[];
  rows: number;
  bytes: number;
  sha256: string;
  /**
   * Set for a file left to the load to screen just before inserting it (CheckOptions.screen "at-load"):
   * not yet read, `rows` is 0 until the load counts them.
   */
  screenAtLoad?: ScreenParts;
}

export interface ExtractCheck {
  dir: string;
  report: ValidationReport;
  files: ExtractFile[];
  boundaries: (BoundaryFile & { name: string }) | null;
  references: References;
  geography: GeographyRows;
  info: ExtractInfo | null;
  /** The private copies every check read and the load reads; the caller disposes of it. */
  snapshot: Snapshot;
  /** "Today" the dates were checked against (the load's screen uses the same). */
  today: Date;
}

export interface CheckOptions {
  /** Geography vintage the codes are checked against (default: the latest in the file). */
  vintage?: number;
  /** "Today", for dates in the future (tests fix it). */
  today?: Date;
  progress?: Progress;
  /** How files are fixed before their checks (snapshot.ts): held open (default on Linux) or copied. */
  snapshotMethod?: "hold" | "copy";
  /** Where the private copies go (default: the system's temporary folder). */
  snapshotParent?: string;
  /**
   * Screen large CSV and Parquet files in DuckDB first (screen-file.ts; default true). Off, every row is
   * read by the row checker: the tests compare the two ways. "at-load": person-level files are
   * left to the load, which screens each just before inserting it (while its pages are cached).
   */
  screen?: boolean | "at-load";
}

const IGNORED = /^(readme|licen[cs]e|notice)/i;

/**
 * Copies the extract's regular files into a private snapshot, then reads every copy once,
 * streaming, and checks every row against the contract. Nothing else is written. Geography
 * comes first: the rest is checked against it.
 */
export async function checkExtract(dir: string, options: CheckOptions = {}): Promise<ExtractCheck> {
  const report = new ValidationReport();
  const today = options.today ?? new Date();
  const snapshot = await snapshotExtract(dir, report, { parent: options.snapshotParent, method: options.snapshotMethod });
  const own = [...snapshot.paths.keys()];
  // Without geography files, the shipped reference of the extract's vintage stands in (read from its own directory).
  const reference = referenceGeographyFor(own, options.vintage);
  const names = [...own, ...(reference?.names ?? [])].sort();
  const path = (name: string) => snapshot.paths.get(name) ?? join((reference as { dir: string }).dir, name);
  const byKind = new Map<FileKind, string[]>();
  let boundaryName: string | null = null;
  let info: ExtractInfo | null = null;

  for (const name of names) {
    if (IGNORED.test(name)) continue;
    if (name === EXTRACT_INFO_FILE) {
      info = await readExtractInfo(path(name), report);
      continue;
    }
    if (boundaryFilePattern.test(name)) {
      // One boundaries file: a second would be silently left out.
      if (boundaryName) report.error("boundaries.several-files", name, `a second boundaries file beside ${boundaryName}: an extract holds one; merge them (geography/README.md)`);
      else boundaryName = name;
      continue;
    }
    const kind = kindOfFile(name);
    if (!kind) {
      report.warning("file.unknown", name, "not a file of the extract contract: ignored");
      continue;
    }
    byKind.set(kind, [...(byKind.get(kind) ?? []), name]);
  }
  for (const kind of fileKinds) {
    if (kind.required && !byKind.has(kind)) report.error("file.missing", kind.fileNameExample, `no ${kind.title} file (expected a name like ${kind.fileNameExample})`);
  }

  const geography: GeographyRows = { geo_municipality: [], geo_sector: [], geo_zone_system: [], geo_zone: [], geo_zone_member: [] };
  const geographyFiles = { geo_municipality: "", geo_sector: "", geo_zone_system: "", geo_zone: "", geo_zone_member: "" } as Record<keyof GeographyRows, string>;
  const files: ExtractFile[] = [];
  let references: References | null = null;
  const pending: { name: string; kind: FileKind; path: string }[] = [];

  for (const kind of fileKinds) {
    if (kind.group !== "geography" && references === null) {
      const vintage = chooseVintage(geography, options.vintage);
      references = buildReferences(geography, vintage);
      const refused = checkZoneVintages(geography, report, geographyFiles, vintage);
      checkGeographyReferences(geography, references, report, geographyFiles, refused);
      checkGeography(geography, report, geographyFiles, vintage, { warnUncovered: !reference?.names.includes(geographyFiles.geo_zone_system) });
      if (references.sets.municipality.size === 0) report.error("geo.no-municipality", geographyFiles.geo_municipality || "geo_municipalities.csv", `no municipality for vintage ${vintage}`);
    }
    for (const name of byKind.get(kind) ?? []) {
      const collect = kind.group === "geography" ? geography[kind.id as keyof GeographyRows] : undefined;
      if (collect) geographyFiles[kind.id as keyof GeographyRows] = name;
      if (collect) files.push(await checkFile(path(name), name, kind, { report, today, references, collect, progress: options.progress }));
      else pending.push({ name, kind, path: path(name) });
    }
  }
  // A file the DuckDB screen passes is done; the others are read row by row, and the list keeps its order.
  const atLoad: ExtractFile[] = [];
  if (options.screen === "at-load" && references !== null) {
    for (const file of pending.filter((f) => f.kind.group === "person-level")) {
      const plan = await planScreen(file, { digests: snapshot.digests, today });
      if (plan) atLoad.push({ ...plan.file, screenAtLoad: plan.parts });
    }
  }
  const toScreen = pending.filter((f) => !atLoad.some((a) => a.name === f.name));
  const screened =
    options.screen === false || references === null ? { passed: [], rowByRow: toScreen } : await screenFiles(toScreen, { references, today, digests: snapshot.digests, progress: options.progress });
  const checked = await checkFiles(screened.rowByRow, { report, today, references: references as References, progress: options.progress });
  const byName = new Map([...atLoad, ...screened.passed, ...checked].map((f) => [f.name, f]));
  files.push(...pending.map((f) => byName.get(f.name) as ExtractFile));
  references ??= emptyReferences(chooseVintage(geography, options.vintage));

  let boundaries: ExtractCheck["boundaries"] = null;
  // The extract's own boundaries file, filled in from the reference's when the reference stands in for its geography.
  const fill = reference && boundaryName && snapshot.paths.has(boundaryName) ? reference.fill : [];
  if (boundaryName) boundaries = { name: boundaryName, ...(await checkBoundaries(path(boundaryName), boundaryName, references, report, fill)) };
  else report.warning("file.missing", "geo_boundaries.geojson", "no boundaries file: maps will not be drawn");

  return { dir, report, files, boundaries, references, geography, info, snapshot, today };
}
