// Phones and tablets on a release published from the synthetic sample (issue 17): at 390 and
// 820 px no page scrolls sideways in French, Dutch or German, and a profile's verdict (better,
// similar, worse) is on screen at 390 px. And the German-speaking Community, alone in its zone
// system, is shown against its region and Belgium rather than ranked against itself.
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CHROMIUM, dashboardOnSampleRelease, screenshot } from "./support.ts";

const PAGES = [
  ["home", "/", "[data-chart] svg"],
  ["profile", "/zone/elz/elz13", "tr[data-indicator]"],
  ["indicator", "/indicator/gmd-coverage?system=elz&zones=elz13", "[data-chart] svg"],
  ["compare", "/compare", "[data-chart] svg"],
  ["overview", "/overview", "[data-chart] svg"],
  ["pdca", "/pdca/elz/elz13", "main h2"],
] as const;

describe.skipIf(!existsSync(CHROMIUM))("small screens and small systems on the synthetic sample's release", () => {
  const d = dashboardOnSampleRelease();

  async function open(path: string, ready: string): Promise<void> {
    await d.page.goto(`${d.url}${path}`);
    await d.page.locator(ready).first().waitFor({ timeout: 30_000 });
    await d.page.waitForFunction(() => !document.querySelector(".loading"), undefined, { timeout: 30_000 });
  }

  it.each([390, 820])("scrolls no page sideways at %i px, in French, Dutch and German", async (width) => {
    const { page } = d;
    await page.setViewportSize({ width, height: width < 500 ? 844 : 1180 });
    try {
      const wide: string[] = [];
      for (const lang of ["fr", "nl", "de"]) {
        for (const [name, path, ready] of PAGES) {
          await open(`/${lang}${path}`, ready);
          const [scrollWidth, innerWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
          if (scrollWidth > innerWidth!) wide.push(`${lang} ${name}: ${scrollWidth} > ${innerWidth}`);
          if (lang === "fr" || name === "profile") await screenshot(page, `small-${width}-${lang}-${name}`);
        }
      }
      expect(wide).toEqual([]);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it("keeps a profile's verdict on screen at 390 px", async () => {
    const { page } = d;
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      for (const lang of ["fr", "nl", "de"]) {
        await open(`/${lang}/zone/elz/elz13`, "tr[data-indicator]");
        const verdict = page.locator("tr[data-indicator] :is([data-comparison], [data-hidden])").first();
        const box = (await verdict.boundingBox())!;
        expect(box.x, lang).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width, lang).toBeLessThanOrEqual(390);
        expect(await verdict.isVisible()).toBe(true);
      }
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it("shows the German-speaking Community against its region and Belgium, not ranked against itself", async () => {
    const { page } = d;
    await open("/de/indicator/gmd-coverage?system=dg&legend=quintile", "[data-chart] svg");
    await expect.poll(() => page.locator("[data-lone-zone]").count()).toBe(1);
    const titles = await page.locator("figure.chart-card h3").allTextContents();
    expect(titles.some((s) => s.startsWith("Zonen nach Rang"))).toBe(false);
    const context = page.locator("figure.chart-card", { hasText: "Deutschsprachige Gemeinschaft, ihre Region und Belgien" });
    await context.locator("[data-chart] svg").waitFor();
    const rows = await context.locator("table tbody tr td:first-child").allTextContents();
    expect(rows.slice(0, 3).map((s) => s.trim())).toEqual(["Deutschsprachige Gemeinschaft", "Wallonische Region", "Belgien"]);
    // No quintile among one zone: the legend is the comparison, and the quintile choice is gone.
    expect(await page.locator('input[name="legend"]').count()).toBe(1);
    await screenshot(page, "dg-indicator-de");

    await open("/de/zone/dg/DG", "tr[data-indicator]");
    expect(await page.locator("svg.spine").count()).toBe(0);
    await expect.poll(() => page.locator("[data-lone-zone]").count()).toBe(1);
    expect(await page.locator("tr[data-indicator] td").count()).toBeGreaterThan(4);
    await screenshot(page, "dg-profile-de");
    expect(d.problems).toEqual([]);
  });
});
