// A cycle's actions and notes. Every change moves the cycle's updated time (not its version,
// which guards the cycle's own fields) and is written to its history in the same transaction.
import { randomUUID } from "node:crypto";
import { itemsProblem } from "../cycles/rules.ts";
import type { Queries } from "./database.ts";
import { notFound, refused } from "./errors.ts";
import { getCycle } from "./cycles.ts";
import { appendHistory, changes } from "./history.ts";
import type { Action, ActionStatus, Actor, Cycle, Note } from "./types.ts";

interface ActionRow {
  id: string;
  cycle_id: string;
  description: string;
  owner: string;
  due_date: string | null;
  status: ActionStatus;
  created_at: Date;
  updated_at: Date;
}
const toAction = (r: ActionRow): Action => ({
  id: r.id,
  cycleId: r.cycle_id,
  description: r.description,
  owner: r.owner,
  dueDate: r.due_date,
  status: r.status,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

async function cycleFor(q: Queries, cycleId: string, checkPhase: boolean): Promise<Cycle> {
  const cycle = await getCycle(q, cycleId);
  if (!cycle) throw notFound("cycle-not-found", `no cycle ${cycleId}`);
  const problem = checkPhase ? itemsProblem(cycle.phase) : null;
  if (problem) throw refused(problem);
  return cycle;
}

async function touch(q: Queries, cycleId: string, now: Date): Promise<void> {
  await q.run("UPDATE cycles SET updated_at = $2::TIMESTAMPTZ WHERE id = $1", [cycleId, now.toISOString()]);
}

export async function listActions(q: Queries, cycleId: string): Promise<Action[]> {
  return (await q.all<ActionRow>("SELECT * FROM actions WHERE cycle_id = $1 ORDER BY created_at, id", [cycleId])).map(toAction);
}

export interface NewAction {
  description: string;
  owner: string;
  dueDate: string | null;
  status: ActionStatus;
}

export async function addAction(q: Queries, cycleId: string, input: NewAction, actor: Actor, now: Date): Promise<Action> {
  await cycleFor(q, cycleId, true);
  const action: Action = { ...input, id: randomUUID(), cycleId, createdAt: now, updatedAt: now };
  await q.run("INSERT INTO actions VALUES ($1, $2, $3, $4, $5, $6, $7::TIMESTAMPTZ, $7::TIMESTAMPTZ)", [
    action.id,
    cycleId,
    action.description,
    action.owner,
    action.dueDate,
    action.status,
    now.toISOString(),
  ]);
  await touch(q, cycleId, now);
  await appendHistory(q, cycleId, actor, now, { type: "action.added", action: { id: action.id, ...input } });
  return action;
}

export type ActionPatch = Partial<NewAction>;

export async function updateAction(q: Queries, cycleId: string, actionId: string, patch: ActionPatch, actor: Actor, now: Date): Promise<Action> {
  await cycleFor(q, cycleId, true);
  const [row] = await q.all<ActionRow>("SELECT * FROM actions WHERE id = $1 AND cycle_id = $2", [actionId, cycleId]);
  if (!row) throw notFound("action-not-found", `no action ${actionId} in cycle ${cycleId}`);
  const before = toAction(row);
  const fields = (["description", "owner", "dueDate", "status"] as const).filter((f) => patch[f] !== undefined);
  const after: Action = { ...before, ...Object.fromEntries(fields.map((f) => [f, patch[f]])) };
  const changed = changes(before, after, fields);
  if (Object.keys(changed).length === 0) return before;
  after.updatedAt = now;
  await q.run("UPDATE actions SET description = $2, owner = $3, due_date = $4, status = $5, updated_at = $6::TIMESTAMPTZ WHERE id = $1", [
    actionId,
    after.description,
    after.owner,
    after.dueDate,
    after.status,
    now.toISOString(),
  ]);
  await touch(q, cycleId, now);
  await appendHistory(q, cycleId, actor, now, { type: "action.updated", actionId, changes: changed });
  return after;
}

interface NoteRow {
  id: string;
  cycle_id: string;
  user_id: string;
  author: string | null;
  text: string;
  created_at: Date;
}
const toNote = (r: NoteRow): Note => ({ id: r.id, cycleId: r.cycle_id, userId: r.user_id, author: r.author ?? "(unknown)", text: r.text, createdAt: r.created_at });

export async function listNotes(q: Queries, cycleId: string): Promise<Note[]> {
  const rows = await q.all<NoteRow>(
    "SELECT n.id, n.cycle_id, n.user_id, u.display_name AS author, n.text, n.created_at FROM notes n LEFT JOIN users u ON u.id = n.user_id WHERE n.cycle_id = $1 ORDER BY n.created_at, n.id",
    [cycleId],
  );
  return rows.map(toNote);
}

/** Notes are allowed in every phase, closed included (lessons learnt). */
export async function addNote(q: Queries, cycleId: string, text: string, actor: Actor, now: Date): Promise<Note> {
  await cycleFor(q, cycleId, false);
  const id = randomUUID();
  await q.run("INSERT INTO notes VALUES ($1, $2, $3, $4, $5::TIMESTAMPTZ)", [id, cycleId, actor.id, text, now.toISOString()]);
  await touch(q, cycleId, now);
  await appendHistory(q, cycleId, actor, now, { type: "note.added", noteId: id, text });
  const [row] = await q.all<NoteRow>("SELECT n.id, n.cycle_id, n.user_id, u.display_name AS author, n.text, n.created_at FROM notes n LEFT JOIN users u ON u.id = n.user_id WHERE n.id = $1", [id]);
  return toNote(row as NoteRow);
}
