// Writes the demo's example cycles (pdca/examples/texts.ts) into app.duckdb, once, from the
// release being served: `npm start` calls it after building the demo. Only a synthetic release
// gets them, and only the first time (meta key `examples`), so a network's own app.duckdb
// never does and a deleted example does not come back.
import { EXAMPLE_CYCLES, type ExampleCycle } from "../../pdca/examples/texts.ts";
import { addAction, addNote, AppDatabase, createCycle, exampleAuthor, markExample, movePhase, updateAction, type Actor, type Queries } from "../../pdca/store/index.ts";
import { PHASES } from "../../pdca/store/types.ts";
import { Release } from "../release.ts";
import { zoneSeries, type YearCell } from "./release-series.ts";

const ACTIONS_FROM = 2022;
/** When each step happened (the cycles tell a 2021–2025 story). */
const WHEN = { plan: "2021-11-15", do: "2022-01-10", check: "2024-03-04", act: "2025-02-03", closed: "2025-05-05", note: "2023-10-02" } as const;
const at = (day: string) => new Date(`${day}T09:00:00Z`);

interface Chosen {
  example: ExampleCycle;
  indicator: string;
  baseline: YearCell;
  title: string;
  unit: string;
  polarity: string;
}

/** The first indicator of the example with a published cell for the zone: the last before the actions, else the latest. */
async function choose(release: Release, example: ExampleCycle): Promise<Chosen | null> {
  for (const id of example.indicators) {
    const indicator = release.catalog.indicator.get(id);
    if (!indicator?.years.zone?.length) continue;
    const published = (await zoneSeries(release, id, example)).filter((c) => c.value !== null);
    const baseline = published.filter((c) => c.year < ACTIONS_FROM).at(-1) ?? published.at(-1);
    if (!baseline) continue;
    const title = indicator.metadata.title?.[example.lang] ?? id;
    return { example, indicator: id, baseline, title, unit: indicator.unit, polarity: indicator.polarity };
  }
  return null;
}

function targetOf(c: Chosen): number {
  const value = c.baseline.value as number;
  const better = c.polarity === "low-is-good" ? value * 0.9 : value * 1.1;
  const capped = c.unit === "percent" ? Math.min(100, better) : better;
  return Math.round(capped * 10) / 10;
}

async function write(q: Queries, c: Chosen, author: Actor, releaseId: string): Promise<string> {
  const { example, baseline } = c;
  const cycle = await createCycle(
    q,
    {
      system: example.system,
      zone: example.zone,
      indicators: [c.indicator],
      title: example.title.replace("{indicator}", c.title.charAt(0).toLowerCase() + c.title.slice(1)),
      problem: example.problem,
      baseline: { indicator: c.indicator, year: baseline.year, value: baseline.value as number, lower: baseline.lower95, upper: baseline.upper95, releaseId },
      target: { value: targetOf(c), date: "2025-12-31" },
      previousId: null,
      actionsFrom: ACTIONS_FROM,
    },
    author,
    at(WHEN.plan),
  );
  const actions = [];
  for (const a of example.actions) actions.push(await addAction(q, cycle.id, { description: a.description, owner: a.owner, dueDate: a.dueDate, status: "planned" }, author, at(WHEN.plan)));
  for (const p of PHASES.slice(1, PHASES.indexOf(example.phase) + 1)) {
    await movePhase(q, cycle.id, p === "closed" ? { to: p, decision: example.decision ?? "adopt" } : { to: p }, author, at(WHEN[p]));
    if (p === "do") for (const [i, a] of example.actions.entries()) if (a.status !== "planned") await updateAction(q, cycle.id, actions[i]!.id, { status: a.status }, author, at(a.dueDate));
  }
  for (const text of example.notes) await addNote(q, cycle.id, text, author, at(example.phase === "closed" ? WHEN.closed : WHEN.note));
  await markExample(q, cycle.id);
  return cycle.id;
}

/** Seeds the examples when the release is synthetic and the file never had them; returns how many were written. */
export async function seedExampleCycles(options: { release: string; appDb: string; now?: () => Date }): Promise<number> {
  const release = await Release.open(options.release);
  try {
    if (!release.manifest.synthetic) return 0;
    const chosen = (await Promise.all(EXAMPLE_CYCLES.map((e) => choose(release, e)))).filter((c): c is Chosen => c !== null);
    const db = await AppDatabase.open(options.appDb, { now: options.now });
    try {
      return await db.write(async (q) => {
        if ((await q.all("SELECT 1 FROM meta WHERE key = 'examples'")).length) return 0;
        const author = await exampleAuthor(q, db.now());
        for (const c of chosen) await write(q, c, author, release.id);
        await q.run("INSERT INTO meta VALUES ('examples', $1)", [String(chosen.length)]);
        return chosen.length;
      });
    } finally {
      await db.close();
    }
  } finally {
    release.close();
  }
}
