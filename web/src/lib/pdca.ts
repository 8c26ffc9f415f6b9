// The PDCA answers' types, inferred from the server's own schemas (type-only imports).
import type { z } from "zod";
import type { CheckSchema } from "../../../server/routes/cycle-check.ts";
import type { CycleDetailSchema, CycleSchema, HistorySchema } from "../../../server/pdca/schemas.ts";

export type Cycle = z.infer<typeof CycleSchema>;
export type CycleDetail = z.infer<typeof CycleDetailSchema>;
export type History = z.infer<typeof HistorySchema>["history"];
export type Check = z.infer<typeof CheckSchema>;
export type CheckIndicator = Check["indicators"][number];

export const PHASES = ["plan", "do", "check", "act", "closed"] as const;
export type Phase = (typeof PHASES)[number];

/** The phases one may move to from here: one step forward, or one back before closing. */
export function nextPhases(phase: Phase): { forward: Phase | null; back: Phase | null } {
  const i = PHASES.indexOf(phase);
  return { forward: i < PHASES.length - 1 ? PHASES[i + 1]! : null, back: i > 0 && phase !== "closed" ? PHASES[i - 1]! : null };
}
