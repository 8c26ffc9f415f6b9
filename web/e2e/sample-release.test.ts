// The dashboard on a release published from the synthetic sample (not the hand-made
// fixture): its municipalities have no German or English name, which once made every search
// answer 500 and the dashboard say "no match". Search in German, open a profile.
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { AreaRow } from "../../server/catalog.ts";
import { MESSAGES } from "../src/lib/i18n/index.ts";
import { CHROMIUM, dashboardOnSampleRelease, screenshot } from "./support.ts";

describe.skipIf(!existsSync(CHROMIUM))("the dashboard on the synthetic sample's release", () => {
  const d = dashboardOnSampleRelease();

  it("finds a municipality without a German name by typing it in German, and shows its zone's profile", async () => {
    const { page } = d;
    const areas = JSON.parse((await d.app.inject({ url: "/api/v1/geography/areas?level=municipality" })).body) as { areas: AreaRow[] };
    const town = areas.areas.find((a) => a.name_fr.length >= 4 && /^[\p{L} -]+$/u.test(a.name_fr))!;
    await page.goto(`${d.url}/de/`);
    await page.fill("#area-search-input", town.name_fr);
    const hit = page.locator('.search-results a[data-hit^="zone:"]').first();
    await hit.waitFor({ timeout: 20_000 });
    const name = (await hit.textContent())!.trim();
    await hit.click();
    await page.waitForURL(/\/de\/zone\/[^/]+\/[^/]+$/);
    await expect.poll(() => page.textContent("h1")).toBe(name);
    // The tab and the screen reader name the zone, as they name an indicator's page (page-title.ts).
    await expect.poll(() => page.title()).toBe(`${name} · Boussole`);
    await page.locator('tr[data-indicator="gmd-coverage"]').waitFor({ timeout: 20_000 });
    await screenshot(page, "sample-release-profile-de");
    expect(d.problems).toEqual([]);
  });

  it("names each page for what it shows, in the reader's language", async () => {
    const { page } = d;
    const detail = JSON.parse((await d.app.inject({ url: "/api/v1/indicators/gmd-coverage" })).body) as { title: Record<string, string> };
    for (const lang of ["fr", "nl", "de"] as const) {
      await page.goto(`${d.url}/${lang}/indicator/gmd-coverage`);
      await expect.poll(() => page.title()).toBe(`${detail.title[lang]} · Boussole`);
    }
    await page.goto(`${d.url}/nl/compare`);
    await expect.poll(() => page.title()).toBe(`${MESSAGES.nl["compare.title"]} · Boussole`);
    expect(d.problems).toEqual([]);
  });
});
