// MDC assurance: can the process, as its limits describe it, be relied on to meet a target?
// A target between the limits (inclusive) is met some years and missed in others; limits
// entirely on the good side of it mean it is consistently met, entirely on the bad side
// consistently missed. Pure.
import type { Polarity } from "./rules.ts";

export const ASSURANCES = ["consistently-passes", "consistently-fails", "inconsistent"] as const;
export type Assurance = (typeof ASSURANCES)[number];

/**
 * null without a finite target, or without a direction (polarity no-judgement: "passing"
 * needs to know which side is good; callers may infer one, e.g. from target vs baseline).
 */
export function assurance(limits: { lowerLimit: number; upperLimit: number }, target: number | null | undefined, polarity: Polarity | string): Assurance | null {
  if (target === null || target === undefined || !Number.isFinite(target)) return null;
  if (polarity !== "high-is-good" && polarity !== "low-is-good") return null;
  const { lowerLimit, upperLimit } = limits;
  if (target >= lowerLimit && target <= upperLimit) return "inconsistent";
  const limitsAboveTarget = lowerLimit > target;
  return limitsAboveTarget === (polarity === "high-is-good") ? "consistently-passes" : "consistently-fails";
}
