/**
 * The synthetic sample lives in real Belgium: the shipped reference geography of 2025
 * (565 municipalities, real zone systems), real 2020 populations (merged municipalities
 * summed), and a synthetic deprivation score per municipality that drives the social
 * gradients (BIM share, GMD coverage, screening). Deprivation is an assumption of the
 * sample, not a published figure.
 */
import type { Geography, Municipality } from "../geography/types.ts";
import { referenceGeography, type BoundaryCollection } from "../geography/reference.ts";
import { municipalityDeprivation } from "./geo/deprivation.ts";
import { Random } from "./random.ts";

export const SAMPLE_VINTAGE = 2025;

export function buildSyntheticGeography(seed: number | string): Geography {
  const rng = new Random(seed).fork("deprivation");
  const { geography } = referenceGeography(SAMPLE_VINTAGE);
  const municipalities: Municipality[] = geography.municipalities.map((m) => ({ ...m, deprivation: municipalityDeprivation(m, rng) }));
  return { ...geography, municipalities };
}

/** Boundaries of the sample: the reference's (real municipalities, official ELZ polygons). */
export function sampleBoundaries(): BoundaryCollection {
  return referenceGeography(SAMPLE_VINTAGE).boundaries;
}
