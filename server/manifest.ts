import { readFileSync } from "node:fs";
import { ReadableManifestSchema, RELEASE_FORMAT, type ReadableManifest } from "../release/format.ts";

/** manifest.json as the release contract (release/format.ts) has it, older releases of the format included. */
export type Manifest = ReadableManifest;

/** A directory that is not a usable release: the message names the file and what is wrong. */
export class ReleaseError extends Error {}

/** Reads and checks manifest.json; the message names the file and the first wrong field. */
export function readManifest(file: string): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new ReleaseError(`${file} is not valid JSON: ${(e as Error).message}`);
  }
  const parsed = ReadableManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ReleaseError(`${file} is not a ${RELEASE_FORMAT} manifest: ${issue?.path.join(".") || "(root)"}: ${issue?.message}`);
  }
  return parsed.data;
}
