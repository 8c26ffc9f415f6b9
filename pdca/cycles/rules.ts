// The life of a cycle: which phase moves and which edits are allowed when. Pure; each check
// returns why a change is refused (a stable code and an English message), or null.
//
// Phases go plan → do → check → act → closed, one step at a time. One step back is allowed
// before closing (do → plan to rework the plan, check → do when the data is not there yet,
// act → check to look again); moving back from act withdraws its decision. Closed is final:
// what follows is a new cycle linked to it (previousId).
//  - plan → do needs a target and at least one action that is not dropped;
//  - act → closed needs a decision (adopt, adapt or abandon), given before or with the move;
//  - a decision is taken in act only.
// Edits: the indicators and the baseline only in plan (the check compares against them);
// title, problem, target and the actions' start year until closed; nothing after (notes
// excepted: lessons can be written down after the end). Actions are added and updated until closed.
import type { Refusal } from "../../core/error-codes.ts";
import { PHASES, type Decision, type Phase } from "../store/types.ts";

export interface CycleState {
  phase: Phase;
  decision: Decision | null;
  target: { value: number; date: string } | null;
}

export function nextPhase(phase: Phase): Phase | null {
  return PHASES[PHASES.indexOf(phase) + 1] ?? null;
}

export function previousPhase(phase: Phase): Phase | null {
  return phase === "closed" ? null : (PHASES[PHASES.indexOf(phase) - 1] ?? null);
}

export interface PhaseMove {
  to: Phase;
  decision?: Decision;
}

export function phaseMoveProblem(cycle: CycleState, move: PhaseMove, activeActions: number): Refusal | null {
  const { phase } = cycle;
  if (phase === "closed") return { code: "cycle-closed", message: "the cycle is closed; start a new cycle that follows it" };
  if (move.to === phase) return { code: "phase-unchanged", message: `the cycle is already in ${phase}`, params: { phase } };
  const forward = nextPhase(phase) === move.to;
  const back = previousPhase(phase) === move.to;
  if (!forward && !back)
    return { code: "phase-move-not-allowed", message: `a cycle in ${phase} can move to ${[nextPhase(phase), previousPhase(phase)].filter(Boolean).join(" or ")} only`, params: { phase } };
  if (move.decision !== undefined && move.to !== "closed") return { code: "decision-only-when-closing", message: "a decision is given when closing the cycle (or set in act)" };
  if (forward && move.to === "do") {
    if (!cycle.target) return { code: "target-needed", message: "set a target before starting the actions" };
    if (activeActions === 0) return { code: "action-needed", message: "plan at least one action before moving to do" };
  }
  if (move.to === "closed" && !(move.decision ?? cycle.decision)) return { code: "decision-needed", message: "closing needs a decision: adopt, adapt or abandon" };
  return null;
}

/** The decision after a move: given with the move, withdrawn when leaving act backwards. */
export function decisionAfter(cycle: CycleState, move: PhaseMove): Decision | null {
  if (move.to === "closed") return move.decision ?? cycle.decision;
  if (cycle.phase === "act") return null;
  return cycle.decision;
}

export const PLAN_ONLY_FIELDS = ["indicators", "baseline"] as const;
export const EDITABLE_FIELDS = ["title", "problem", "target", "actionsFrom", "indicators", "baseline", "decision"] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

export function editProblem(phase: Phase, fields: readonly EditableField[]): Refusal | null {
  if (phase === "closed") return { code: "cycle-closed", message: "the cycle is closed; start a new cycle that follows it" };
  const fixed = fields.filter((f) => (PLAN_ONLY_FIELDS as readonly string[]).includes(f));
  if (fixed.length && phase !== "plan") return { code: "plan-fields-fixed", message: `the ${fixed.join(" and ")} are fixed once the cycle has left plan` };
  if (fields.includes("decision") && phase !== "act") return { code: "decision-in-act-only", message: "a decision is taken in the act phase" };
  return null;
}

export function itemsProblem(phase: Phase): Refusal | null {
  return phase === "closed" ? { code: "cycle-closed", message: "the cycle is closed; its actions can no longer change" } : null;
}
