// The append-only history of each cycle: who changed what, when. Written in the same
// transaction as the change it records; nothing updates or deletes it.
import type { Queries } from "./database.ts";
import type { Actor, HistoryEntry } from "./types.ts";

export async function appendHistory(q: Queries, cycleId: string, actor: Actor, now: Date, what: Record<string, unknown>): Promise<void> {
  await q.run("INSERT INTO history (cycle_id, user_id, changed_at, what) VALUES ($1, $2, $3::TIMESTAMPTZ, $4)", [cycleId, actor.id, now.toISOString(), JSON.stringify(what)]);
}

export async function listHistory(q: Queries, cycleId: string): Promise<HistoryEntry[]> {
  const rows = await q.all<{ id: number; cycle_id: string; user_id: string; username: string | null; changed_at: Date; what: string }>(
    "SELECT h.id, h.cycle_id, h.user_id, u.username, h.changed_at, h.what FROM history h LEFT JOIN users u ON u.id = h.user_id WHERE h.cycle_id = $1 ORDER BY h.id",
    [cycleId],
  );
  return rows.map((r) => ({ id: r.id, cycleId: r.cycle_id, userId: r.user_id, username: r.username ?? "(unknown)", at: r.changed_at, what: JSON.parse(r.what) as Record<string, unknown> }));
}

/** { field: { from, to } } for the fields whose values differ (compared as JSON). */
export function changes<T extends object>(before: T, after: T, fields: readonly (keyof T)[]): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const f of fields) {
    if (JSON.stringify(before[f]) !== JSON.stringify(after[f])) out[String(f)] = { from: before[f] ?? null, to: after[f] ?? null };
  }
  return out;
}
