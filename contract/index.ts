import { geographyKinds } from "./geography-files.ts";
import { personKinds } from "./person-files.ts";
import { aggregateKinds } from "./aggregate-files.ts";
import type { FileKind } from "./file-kind.ts";

export * from "./column.ts";
export * from "./file-kind.ts";
export * from "./niss.ts";

/** Every file kind of the extract contract, in load order (geography first: the rest is checked against it). */
export const fileKinds: readonly FileKind[] = [...geographyKinds, ...personKinds, ...aggregateKinds];

/** Boundaries are GeoJSON or TopoJSON, checked by their own reader. */
export const boundaryFilePattern = /^geo_boundaries.*\.(geojson|json|topojson)$/i;

export function kindOfFile(fileName: string): FileKind | undefined {
  return fileKinds.find((k) => k.filePattern.test(fileName));
}
