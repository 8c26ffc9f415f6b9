// Example cycles: written into a demo's app.duckdb (synthetic releases only, see
// server/pdca/seed-examples.ts) and the only cycles a visitor without an account may read.
// They are ordinary cycles, authored by a disabled account that cannot sign in.
import type { Queries } from "./database.ts";
import { createUser } from "./users.ts";
import type { Actor } from "./types.ts";

/** The author of the examples: disabled, with a hash no password matches ("!" is not scrypt). */
export const EXAMPLE_AUTHOR = { username: "demo", displayName: "Demo" } as const;

export async function exampleAuthor(q: Queries, now: Date): Promise<Actor> {
  const [row] = await q.all<{ id: string }>("SELECT id FROM users WHERE username = $1", [EXAMPLE_AUTHOR.username]);
  if (row) return { id: row.id };
  const user = await createUser(q, { ...EXAMPLE_AUTHOR, role: "analyst", zones: [], passwordHash: "!" }, now);
  await q.run("UPDATE users SET disabled = true WHERE id = $1", [user.id]);
  return { id: user.id };
}

export async function markExample(q: Queries, cycleId: string): Promise<void> {
  await q.run("INSERT INTO example_cycles VALUES ($1) ON CONFLICT DO NOTHING", [cycleId]);
}

export async function exampleIds(q: Queries): Promise<Set<string>> {
  return new Set((await q.all<{ cycle_id: string }>("SELECT cycle_id FROM example_cycles")).map((r) => r.cycle_id));
}

export async function isExample(q: Queries, cycleId: string): Promise<boolean> {
  return (await q.all("SELECT 1 FROM example_cycles WHERE cycle_id = $1", [cycleId])).length > 0;
}
