import { readFileSync } from "node:fs";
import { z } from "zod";

/** The disclosure settings and audit counts, as the manifest holds them and /release shows them. */
export const DISCLOSURE_SHAPE = { minCount: z.number(), protectionWidth: z.number(), publishZeros: z.boolean(), rules: z.array(z.string()) };
export const AUDIT_SHAPE = {
  passed: z.boolean(),
  cellsPublished: z.number(),
  hiddenSmallCount: z.number(),
  hiddenComplementary: z.number(),
  hiddenDerived: z.number(),
  narrowestInterval: z.number().nullable(),
};

/** manifest.json as docs/release-format.md describes it; unknown keys are kept for later formats. */
export const ManifestSchema = z.looseObject({
  format: z.literal("boussole-release/1"),
  releaseId: z.string().regex(/^[0-9a-zA-Z._-]{1,64}$/),
  createdAt: z.string(),
  synthetic: z.boolean(),
  producer: z.string().nullable(),
  years: z.tuple([z.number().int(), z.number().int()]).nullable(),
  title: z.string().optional(),
  batches: z.array(z.looseObject({ batchId: z.string(), producer: z.string().nullable(), synthetic: z.boolean(), finishedAt: z.string().nullable() })),
  indicators: z.array(z.looseObject({ id: z.string(), version: z.number().int() })),
  disclosure: z.looseObject(DISCLOSURE_SHAPE),
  audit: z.looseObject({ ...AUDIT_SHAPE, seconds: z.number() }),
});
export type Manifest = z.infer<typeof ManifestSchema>;

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
  const parsed = ManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ReleaseError(`${file} is not a boussole-release/1 manifest: ${issue?.path.join(".") || "(root)"}: ${issue?.message}`);
  }
  return parsed.data;
}
