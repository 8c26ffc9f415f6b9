// No English on French, Dutch and German pages (issue 17): home, profile, indicator, compare,
// overview and PDCA (a zone and an example cycle) on the release published from the synthetic
// sample. Each page's visible lines are compared with the English rendering of the same page:
// a line identical to an English one fails, unless what is left after removing proper names
// (areas, from the API), the user's own text (the example cycles), codes, numbers and the small
// allow-list below is no word at all.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedExampleCycles } from "../../server/pdca/seed-examples.ts";
import { temporaryDirectory } from "../../server/test-support/app.ts";
import { sampleRelease } from "../../tests/support/sample-release.ts";
import { buildDashboard, CHROMIUM, openDashboard, type Dashboard } from "./support.ts";

/**
 * Words spelt the same in English and the page's language, on purpose: each language's name in
 * itself (the language switch), and words that are simply the same word in that language.
 */
const LANGUAGES = ["Français", "Nederlands", "Deutsch", "English"];
const ALLOWED: Record<"fr" | "nl" | "de", string[]> = {
  fr: [...LANGUAGES, "Boussole", "image", "Quintile", "Actions", "Notes", "Total", "Source", "Type"],
  // Flemish care teams say Plan, Do, Check, Act; "open data" is Dutch usage too.
  nl: [...LANGUAGES, "Boussole", "Plan", "Do", "Check", "Act", "Open", "data", "Indicator"],
  de: [...LANGUAGES, "Boussole", "Region", "Definition", "Name", "Total"],
};

const PAGES: [string, string, string][] = [
  ["home", "/", "[data-chart] svg"],
  ["profile", "/zone/elz/elz13", "tr[data-indicator]"],
  ["indicator", "/indicator/gmd-coverage?system=elz&zones=elz13", "[data-chart] svg"],
  ["compare", "/compare?indicator=gmd-coverage&areas=belgium:BE,zone:elz:elz13", "[data-chart] svg"],
  ["overview", "/overview?system=elz", "[data-chart] svg"],
  ["pdca zone", "/pdca/elz/elz13", "section.examples li[data-example]"],
];

describe.skipIf(!existsSync(CHROMIUM))("no English on French, Dutch and German pages", () => {
  let d: Dashboard;
  /** Proper names and the users' own text: not ours to translate. */
  let names: string[] = [];
  beforeAll(async () => {
    const [releaseDir, webDir] = await Promise.all([sampleRelease(), buildDashboard()]);
    const appDb = join(temporaryDirectory("boussole-no-english-"), "app.duckdb");
    await seedExampleCycles({ release: releaseDir, appDb });
    d = await openDashboard({ webDir, releaseDir, appDb });
    const get = async <T>(url: string) => JSON.parse((await d.app.inject({ url })).body) as T;
    const set = new Set<string>();
    for (const level of ["belgium", "region", "province", "municipality", "zone"]) {
      for (const a of (await get<{ areas: Record<string, string | null>[] }>(`/api/v1/geography/areas?level=${level}`)).areas) {
        for (const k of ["name_fr", "name_nl", "name_de", "name_en", "area_code", "system_code"]) if (a[k]) set.add(a[k] as string);
      }
    }
    for (const s of (await get<{ systems: Record<string, string>[] }>("/api/v1/geography/systems")).systems) for (const k of ["name_fr", "name_nl", "name_de", "name_en"]) if (s[k]) set.add(s[k]);
    const examples = (await get<{ cycles: { id: string }[] }>("/api/v1/cycles/examples")).cycles;
    for (const c of examples) {
      const detail = await get<{ cycle: { title: string; problem: string }; actions: { description: string; owner: string }[]; notes: { text: string; author: string }[] }>(`/api/v1/cycles/${c.id}`);
      for (const text of [detail.cycle.title, detail.cycle.problem, ...detail.actions.flatMap((a) => [a.description, a.owner]), ...detail.notes.flatMap((n) => [n.text, n.author])]) set.add(text);
    }
    if (examples[0]) PAGES.push(["pdca cycle", `/pdca/elz/elz13/${examples[0].id}`, "article.cycle .verdict"]);
    names = [...set].filter((n) => n.length > 1).sort((a, b) => b.length - a.length);
  }, 600_000);
  afterAll(async () => d?.close());

  async function lines(path: string, ready: string): Promise<string[]> {
    await d.page.goto(`${d.url}${path}`);
    await d.page.locator(ready).first().waitFor({ timeout: 30_000 });
    await d.page.waitForFunction(() => !document.querySelector(".loading"), undefined, { timeout: 30_000 });
    // Closed <details> (data tables) count too: they are one click away.
    await d.page.evaluate(() => document.querySelectorAll("details").forEach((x) => (x.open = true)));
    const text = await d.page.evaluate(() => document.body.innerText);
    return [
      ...new Set(
        text
          .split("\n")
          .map((l) => l.replace(/\s+/g, " ").trim())
          .filter(Boolean),
      ),
    ];
  }

  /** What is left of a line once names, the users' text, codes, numbers and allowed words are removed. */
  function leftover(line: string, allowed: string[]): string {
    let rest = line;
    for (const n of names) if (rest.includes(n)) rest = rest.split(n).join(" ");
    rest = rest
      .replace(/\b[a-z0-9]+(?:[-_.][a-z0-9]+)+\b/gi, " ")
      .replace(/\b[A-Z0-9]{2,6}\b/g, " ")
      .replace(/[\d.,:;%()[\]{}+\-–—/·×<>=≥≤"'‘’“”«»!?…|*#]/g, " ");
    const words = rest.split(/\s+/).filter((w) => /\p{L}{2,}/u.test(w) && !allowed.includes(w));
    return words.join(" ");
  }

  it.each(["fr", "nl", "de"] as const)("%s: no line identical to the English page's", async (lang) => {
    const leaks: string[] = [];
    for (const [name, path, ready] of PAGES) {
      const english = new Set(await lines(`/en${path}`, ready));
      for (const line of await lines(`/${lang}${path}`, ready)) {
        if (english.has(line) && leftover(line, ALLOWED[lang]) !== "") leaks.push(`${name}: ${line.slice(0, 160)}`);
      }
    }
    if (leaks.length) console.log(`LEAKS ${lang}\n${leaks.join("\n")}`);
    expect(leaks).toEqual([]);
  });
});
