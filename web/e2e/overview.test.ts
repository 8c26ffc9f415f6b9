// The overview ("tartan rug") on a release published from the synthetic sample: reached from
// the home page, one cell per zone and indicator coloured by comparison, its state in the URL
// (a reload keeps it), a cell opens that indicator for that zone, and its data table and
// exports are there as for every chart.
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { AreaRow } from "../../server/catalog.ts";
import { axeViolations, CHROMIUM, dashboardOnSampleRelease, screenshot } from "./support.ts";

describe.skipIf(!existsSync(CHROMIUM))("the overview of the zones on the synthetic sample's release", () => {
  const d = dashboardOnSampleRelease();

  it("is reached from the home page and colours one cell per zone and indicator", async () => {
    const { page } = d;
    const zones = JSON.parse((await d.app.inject({ url: "/api/v1/geography/areas?level=zone&system=elz" })).body) as { areas: AreaRow[] };
    await page.goto(`${d.url}/nl/?system=elz`);
    await page.locator("a[data-overview]").click();
    await page.waitForURL(/\/nl\/overview\?system=elz$/);
    const cells = page.locator('[data-chart] rect[data-indicator="gmd-coverage"]');
    await cells.first().waitFor({ timeout: 30_000 });
    expect(await cells.count()).toBe(zones.areas.length);
    const classes = new Set(await cells.evaluateAll((rects) => rects.map((r) => (r as SVGRectElement).dataset.comparison)));
    expect([...classes].every((c) => ["much-better", "better", "similar", "worse", "much-worse", "hidden", "none", "not-compared"].includes(c!))).toBe(true);
    expect(classes.size).toBeGreaterThan(1);
    // The data table beside it: one row per zone, the verdict in words.
    expect(await page.locator("figure.chart-card table tbody tr").count()).toBe(zones.areas.length);
    expect(await page.locator("figure.chart-card table tbody").textContent()).toMatch(/Beter|Vergelijkbaar|Slechter|Verborgen/);
    await screenshot(page, "overview-nl");
    expect(await axeViolations(page)).toEqual([]);
  });

  it("keeps its state in the URL and opens the indicator for a zone from a cell", async () => {
    const { page } = d;
    await page.goto(`${d.url}/fr/overview?system=elz`);
    await page.locator('[data-chart] rect[data-indicator="gmd-coverage"]').first().waitFor({ timeout: 30_000 });
    await page.locator('input[name="benchmark"]').nth(1).check();
    await page.waitForURL(/\/fr\/overview\?system=elz&benchmark=region$/);
    await page.reload();
    await page.locator('[data-chart] rect[data-indicator="gmd-coverage"]').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('input[name="benchmark"]').nth(1).isChecked()).toBe(true);
    const cell = page.locator('[data-chart] rect[data-indicator="gmd-coverage"]:not([data-comparison="hidden"]):not([data-comparison="none"])').first();
    const zone = (await cell.getAttribute("data-area"))!;
    await cell.click();
    await page.waitForURL(new RegExp(`/fr/indicator/gmd-coverage\\?system=elz&benchmark=region&zones=${zone}$`));
    expect(d.problems).toEqual([]);
  });

  it("redraws the rug and the home map when another zone system is chosen (not only the URL)", async () => {
    const { page } = d;
    const count = async (system: string) => (JSON.parse((await d.app.inject({ url: `/api/v1/geography/areas?level=zone&system=${system}` })).body) as { areas: AreaRow[] }).areas.length;
    const [elz, bassin] = [await count("elz"), await count("bassin")];
    expect(elz).not.toBe(bassin);
    await page.goto(`${d.url}/fr/overview?system=elz`);
    const cells = page.locator('[data-chart] rect[data-indicator="gmd-coverage"]');
    await expect.poll(() => cells.count(), { timeout: 30_000 }).toBe(elz);
    await page.locator("main select").first().selectOption("bassin");
    await page.waitForURL(/\/fr\/overview\?system=bassin$/);
    await expect.poll(() => cells.count(), { timeout: 30_000 }).toBe(bassin);

    await page.goto(`${d.url}/fr/?system=elz`);
    const zones = page.locator("[data-chart] path[data-area]");
    await expect.poll(() => zones.count(), { timeout: 30_000 }).toBe(elz);
    await page.locator("main select").first().selectOption("bassin");
    await page.waitForURL(/\/fr\/\?system=bassin$/);
    await expect.poll(() => zones.count(), { timeout: 30_000 }).toBe(bassin);
    expect(d.problems).toEqual([]);
  });
});
