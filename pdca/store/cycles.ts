import { randomUUID } from "node:crypto";
import { decisionAfter, editProblem, phaseMoveProblem, type EditableField, type PhaseMove } from "../cycles/rules.ts";
import type { Queries } from "./database.ts";
import { conflict, invalid, notFound, refused } from "./errors.ts";
import { appendHistory, changes } from "./history.ts";
import type { Actor, Baseline, Cycle, Decision, Phase, Target } from "./types.ts";

const COLUMNS = "id, system_code, zone_code, indicators, title, problem, baseline, target, phase, decision, previous_id, actions_from, do_started_at, created_by, created_at, updated_at, version";

interface Row {
  id: string;
  system_code: string;
  zone_code: string;
  indicators: string;
  title: string;
  problem: string;
  baseline: string;
  target: string | null;
  phase: Phase;
  decision: Decision | null;
  previous_id: string | null;
  actions_from: number | null;
  do_started_at: Date | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
  version: number;
}

const toCycle = (r: Row): Cycle => ({
  id: r.id,
  system: r.system_code,
  zone: r.zone_code,
  indicators: JSON.parse(r.indicators) as string[],
  title: r.title,
  problem: r.problem,
  baseline: JSON.parse(r.baseline) as Baseline,
  target: r.target === null ? null : (JSON.parse(r.target) as Target),
  phase: r.phase,
  decision: r.decision,
  previousId: r.previous_id,
  actionsFrom: r.actions_from,
  doStartedAt: r.do_started_at,
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  version: r.version,
});

/** The cycle's values as they are written (JSON text for the nested ones). */
function values(c: Cycle): (string | number | boolean | null)[] {
  return [
    c.id,
    c.system,
    c.zone,
    JSON.stringify(c.indicators),
    c.title,
    c.problem,
    JSON.stringify(c.baseline),
    c.target ? JSON.stringify(c.target) : null,
    c.phase,
    c.decision,
    c.previousId,
    c.actionsFrom,
    c.doStartedAt?.toISOString() ?? null,
    c.createdBy,
    c.createdAt.toISOString(),
    c.updatedAt.toISOString(),
    c.version,
  ];
}
const PLACEHOLDERS = "$1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::TIMESTAMPTZ, $14, $15::TIMESTAMPTZ, $16::TIMESTAMPTZ, $17";

export type NewCycle = Pick<Cycle, "system" | "zone" | "indicators" | "title" | "problem" | "baseline" | "target" | "previousId" | "actionsFrom">;

export async function getCycle(q: Queries, id: string): Promise<Cycle | null> {
  const [row] = await q.all<Row>(`SELECT ${COLUMNS} FROM cycles WHERE id = $1`, [id]);
  return row ? toCycle(row) : null;
}

async function mustGet(q: Queries, id: string): Promise<Cycle> {
  const cycle = await getCycle(q, id);
  if (!cycle) throw notFound("cycle-not-found", `no cycle ${id}`);
  return cycle;
}

export async function listCycles(q: Queries, filter: { system?: string; zone?: string } = {}): Promise<Cycle[]> {
  const rows = await q.all<Row>(`SELECT ${COLUMNS} FROM cycles WHERE ($1::VARCHAR IS NULL OR system_code = $1) AND ($2::VARCHAR IS NULL OR zone_code = $2) ORDER BY updated_at DESC, id`, [
    filter.system ?? null,
    filter.zone ?? null,
  ]);
  return rows.map(toCycle);
}

/** Ids of the cycles that follow this one. */
export async function followersOf(q: Queries, id: string): Promise<string[]> {
  return (await q.all<{ id: string }>("SELECT id FROM cycles WHERE previous_id = $1 ORDER BY created_at, id", [id])).map((r) => r.id);
}

export async function createCycle(q: Queries, input: NewCycle, actor: Actor, now: Date): Promise<Cycle> {
  if (input.previousId !== null) {
    const previous = await getCycle(q, input.previousId);
    if (!previous) throw invalid("previous-cycle-not-found", `body field 'previousId': no cycle ${input.previousId}`);
    if (previous.system !== input.system || previous.zone !== input.zone) throw invalid("previous-cycle-other-zone", "body field 'previousId': the previous cycle belongs to another zone");
    if (previous.phase !== "closed") throw conflict("previous-cycle-open", "a new cycle can only follow a closed (decided) cycle");
  }
  const cycle: Cycle = { ...input, id: randomUUID(), phase: "plan", decision: null, doStartedAt: null, createdBy: actor.id, createdAt: now, updatedAt: now, version: 1 };
  await q.run(`INSERT INTO cycles (${COLUMNS}) VALUES (${PLACEHOLDERS})`, values(cycle));
  const { createdAt: _c, updatedAt: _u, doStartedAt: _d, ...snapshot } = cycle;
  await appendHistory(q, cycle.id, actor, now, { type: "cycle.created", cycle: snapshot });
  return cycle;
}

const UPDATE = `UPDATE cycles SET ${COLUMNS.split(", ")
  .map((c, i) => `${c} = ${PLACEHOLDERS.split(", ")[i]}`)
  .slice(1)
  .join(", ")} WHERE id = $1`;

/** Writes every column of `after` over the row (the id never changes). */
async function save(q: Queries, after: Cycle): Promise<void> {
  await q.run(UPDATE, values(after));
}

export interface CyclePatch {
  title?: string;
  problem?: string;
  target?: Target | null;
  actionsFrom?: number | null;
  indicators?: string[];
  baseline?: Baseline;
  decision?: Decision | null;
}

/** Applies the fields present in `patch`; `expectedVersion`, when given, must be the current version. */
export async function updateCycle(q: Queries, id: string, patch: CyclePatch, actor: Actor, now: Date, expectedVersion?: number): Promise<Cycle> {
  const before = await mustGet(q, id);
  if (expectedVersion !== undefined && expectedVersion !== before.version)
    throw conflict("stale-version", `the cycle changed since version ${expectedVersion} (it is at version ${before.version}): reload it and edit again`, {
      version: expectedVersion,
      current: before.version,
    });
  const fields = (Object.keys(patch) as EditableField[]).filter((k) => patch[k] !== undefined);
  const problem = editProblem(before.phase, fields);
  if (problem) throw refused(problem);
  const after: Cycle = { ...before };
  for (const f of fields) (after as unknown as Record<string, unknown>)[f] = patch[f];
  const changed = changes(before, after, fields);
  if (Object.keys(changed).length === 0) return before;
  after.updatedAt = now;
  after.version = before.version + 1;
  await save(q, after);
  await appendHistory(q, id, actor, now, { type: "cycle.updated", changes: changed });
  return after;
}

export async function movePhase(q: Queries, id: string, move: PhaseMove, actor: Actor, now: Date): Promise<Cycle> {
  const before = await mustGet(q, id);
  const [count] = await q.all<{ n: number }>("SELECT count(*) AS n FROM actions WHERE cycle_id = $1 AND status <> 'dropped'", [id]);
  const problem = phaseMoveProblem(before, move, count?.n ?? 0);
  if (problem) throw refused(problem);
  const after: Cycle = {
    ...before,
    phase: move.to,
    decision: decisionAfter(before, move),
    doStartedAt: before.doStartedAt ?? (move.to === "do" ? now : null),
    updatedAt: now,
    version: before.version + 1,
  };
  await save(q, after);
  await appendHistory(q, id, actor, now, {
    type: "cycle.phase",
    from: before.phase,
    to: after.phase,
    ...(after.decision !== before.decision ? { decision: { from: before.decision, to: after.decision } } : {}),
  });
  return after;
}
