// A visitor without an account reads the demo's example PDCA cycles, read-only, in French,
// Dutch and German: the list, the "example" label, how a network gets an account, and a cycle
// with its check and no edit control. On the release published from the synthetic sample.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedExampleCycles } from "../../server/pdca/seed-examples.ts";
import { temporaryDirectory } from "../../server/test-support/app.ts";
import { sampleRelease } from "../../tests/support/sample-release.ts";
import { API_ERRORS } from "../src/lib/i18n/api-errors.ts";
import { MESSAGES } from "../src/lib/i18n/index.ts";
import { buildDashboard, CHROMIUM, openDashboard, screenshot, type Dashboard } from "./support.ts";

describe.skipIf(!existsSync(CHROMIUM))("example PDCA cycles for a visitor", () => {
  let d: Dashboard;
  beforeAll(async () => {
    const [releaseDir, webDir] = await Promise.all([sampleRelease(), buildDashboard()]);
    const appDb = join(temporaryDirectory("boussole-examples-web-"), "app.duckdb");
    expect(await seedExampleCycles({ release: releaseDir, appDb })).toBeGreaterThan(0);
    d = await openDashboard({ webDir, releaseDir, appDb });
  }, 600_000);
  afterAll(async () => d?.close());

  it.each(["fr", "nl", "de"] as const)("%s: lists the examples, says how to get an account, opens one read-only", async (lang) => {
    const { page } = d;
    const m = MESSAGES[lang];
    await page.goto(`${d.url}/${lang}/pdca`);
    await page.locator("section.examples li[data-example]").first().waitFor({ timeout: 20_000 });
    expect(await page.textContent("section.examples h2")).toBe(m["pdca.examples"]);
    expect(await page.textContent("section.examples .account-help")).toBe(m["pdca.account"]);
    expect(await page.locator("section.examples li[data-example] .tag").first().textContent()).toBe(m["pdca.example"]);

    await page.locator("section.examples li[data-example] a").first().click();
    await page.waitForURL(new RegExp(`/${lang}/pdca/[^/]+/[^/]+/[0-9a-f-]{36}$`));
    await page.locator("article.cycle .verdict").first().waitFor({ timeout: 20_000 });
    expect(await page.textContent("article.cycle .example-note")).toContain(m["pdca.exampleNote"]);
    expect(await page.locator("article.cycle .actions-table tbody tr").count()).toBeGreaterThan(0);
    // Read-only: no form, no phase move, no edit, no status select; the sign-in form is there.
    expect(await page.locator("article.cycle form, article.cycle select, article.cycle textarea, article.cycle input, button[data-move], button[data-edit]").count()).toBe(0);
    expect(await page.locator("form.sign-in").count()).toBe(1);
    await screenshot(page, `pdca-example-${lang}`);
    expect(d.problems).toEqual([]);
  });

  it.each(["fr", "nl", "de"] as const)("%s: heads each example's zone by its name in the page's language, never its code", async (lang) => {
    const { page } = d;
    const m = MESSAGES[lang];
    const get = async <T>(url: string) => JSON.parse((await d.app.inject({ url })).body) as T;
    const examples = (await get<{ cycles: { id: string; system: string; zone: string }[] }>("/api/v1/cycles/examples")).cycles;
    expect(examples.length).toBeGreaterThan(1);
    const headings: string[] = [];
    for (const [i, example] of examples.entries()) {
      const zone = (await get<{ zone: Record<string, string> }>(`/api/v1/geography/zones/${example.system}/${example.zone}`)).zone;
      const zoneName = zone[`name_${lang}`] || zone.name_en!;
      const expected = m["pdca.zone"].replace("{zone}", zoneName);
      // Moving inside the app (from the list to a cycle of another zone system) and loading the address directly.
      await page.goto(`${d.url}/${lang}/pdca`);
      const link = page.locator(`section.examples li[data-example="${example.id}"] a`);
      await link.waitFor({ timeout: 20_000 });
      await link.click();
      await page.locator("article.cycle .verdict").first().waitFor({ timeout: 20_000 });
      const moved = (await page.locator("main > h2").first().textContent())!;
      await page.goto(`${d.url}/${lang}/pdca/${example.system}/${example.zone}/${example.id}`);
      await page.locator("article.cycle .verdict").first().waitFor({ timeout: 20_000 });
      const loaded = (await page.locator("main > h2").first().textContent())!;
      // The tab and the screen reader name the zone too (page-title.ts).
      await expect.poll(() => page.title()).toBe(`${zoneName} · ${m["pdca.title"]} · Boussole`);
      for (const heading of [moved, loaded]) {
        expect(heading, `example ${i}`).toBe(expected);
        expect(heading).not.toContain(example.zone);
      }
      headings.push(moved);
    }
    await screenshot(page, `pdca-example-zone-${lang}`);
    expect(new Set(headings).size).toBeGreaterThan(1);
    expect(d.problems).toEqual([]);
  });

  it.each(["fr", "nl", "de"] as const)("%s: the server's refusals are shown in the page's language, never in the server's English", async (lang) => {
    const { page } = d;
    // Another network's cycle, without an account: the API answers 401 with code sign-in-required.
    await page.goto(`${d.url}/${lang}/pdca/elz/elz13/00000000-0000-4000-8000-000000000000`);
    const error = page.locator("main p.error");
    await error.waitFor({ timeout: 20_000 });
    const text = (await error.textContent()) ?? "";
    expect(text).toContain(API_ERRORS[lang]["sign-in-required"]);
    expect(text).not.toMatch(/sign in first|POST \/api/i);

    // A wrong password: the sign-in form says so in the page's language.
    await page.fill('input[name="username"]', "nobody");
    await page.fill('input[name="password"]', "not the password at all");
    await page.click('form.sign-in button[type="submit"]');
    await expect.poll(() => page.locator("form.sign-in .error").textContent()).toBe(API_ERRORS[lang]["wrong-credentials"]);
    // Those two answers (401) were expected; nothing else went wrong.
    expect(d.problems.filter((p) => !/^401 /.test(p))).toEqual([]);
    d.problems.length = 0;
  });
});
