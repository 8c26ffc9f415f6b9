// Quarters on the indicator view, in Chromium on the fixture release: premature mortality has
// quarterly values; the trend's "Years / Quarters" switch shows them (chart and data table, a
// hidden quarter marked as hidden), in French and Dutch, and the URL keeps the switch on reload.
// A PDCA cycle on it is checked on the zone's 20 quarters, and says so.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { temporaryDirectory } from "../../server/test-support/app.ts";
import { PASSWORD, seedUser } from "../../server/test-support/pdca.ts";
import { buildDashboard, CHROMIUM, openDashboard, screenshot, type Dashboard } from "./support.ts";

describe.skipIf(!existsSync(CHROMIUM))("quarters on the indicator view", () => {
  let d: Dashboard;
  beforeAll(async () => {
    d = await openDashboard({ webDir: await buildDashboard(), appDb: join(temporaryDirectory("boussole-periods-web-"), "app.duckdb") });
    await seedUser(d.app, "editor.z03", "editor", [{ system: "ZPL", zone: "Z03" }]);
  }, 180_000);
  afterAll(async () => d?.close());

  /** A fixture zone's name in a language. */
  async function zoneName(code: string, lang: "fr" | "nl"): Promise<string> {
    const { areas } = JSON.parse((await d.app.inject({ url: "/api/v1/geography/areas?level=zone&system=ZPL" })).body) as { areas: Record<string, string>[] };
    return areas.find((a) => a.area_code === code)![`name_${lang}`]!;
  }

  /** The trend's data table: its rows as [area, period, value, …] texts (as on screen). */
  async function trendRows(): Promise<string[][]> {
    const table = d.page.locator("section.trends figure.chart-card table");
    await d.page.locator("section.trends details.data-table summary").click();
    await table.waitFor({ timeout: 20_000 });
    return table.locator("tbody tr").evaluateAll((rows) => rows.map((r) => Array.from(r.querySelectorAll("td"), (td) => td.textContent?.trim() ?? "")));
  }

  it("switches the trend to quarters in French: chart, table with the quarters, URL", async () => {
    const { page } = d;
    await page.goto(`${d.url}/fr/indicator/premature-mortality?zones=Z01,Z03`);
    const quarters = page.locator('section.trends input[name="step"][value="periods"]');
    await quarters.waitFor({ timeout: 20_000 });
    expect(await page.locator("section.trends fieldset").textContent()).toMatch(/Années.*Trimestres/s);
    await page.locator("section.trends [data-chart] svg").waitFor({ timeout: 20_000 });
    await quarters.check();
    await page.waitForURL(/step=periods/);
    await expect.poll(() => page.locator("section.trends h3").textContent(), { timeout: 20_000 }).toBe("Évolution par trimestre depuis T1 2020, avec intervalles à 95 %");
    await page.locator("section.trends [data-chart] svg").waitFor({ timeout: 20_000 });
    // The axis names the quarters the French way.
    expect(await page.locator("section.trends [data-chart] svg").textContent()).toContain("T1 2020");
    // The note on annualised values wraps within its card: the page never scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(page.viewportSize()!.width);
    const rows = await trendRows();
    const name = await zoneName("Z01", "fr");
    // Belgium, the region and the two zones, 20 quarters each.
    expect(rows).toHaveLength(80);
    expect(rows.filter((r) => r[1] === "T1 2020")).toHaveLength(4);
    expect(rows.filter((r) => r[1] === "T4 2024")).toHaveLength(4);
    // Z01's 2023 Q2 (and its complement) are hidden: the table says so, with no number.
    const z01 = rows.filter((r) => r[0] === name);
    const hidden = z01.filter((r) => r[2] === "Masqué pour protéger la vie privée");
    expect(hidden.map((r) => r[1])).toContain("T2 2023");
    expect(hidden).toHaveLength(2);
    expect(z01.filter((r) => /\d/.test(r[2] ?? ""))).toHaveLength(18);
    await screenshot(page, "indicator-quarters-fr");
    expect(d.problems).toEqual([]);
  });

  it("keeps the switch on reload, and speaks Dutch", async () => {
    const { page } = d;
    await page.goto(`${d.url}/nl/indicator/premature-mortality?zones=Z03&step=periods`);
    await page.locator("section.trends [data-chart] svg").waitFor({ timeout: 20_000 });
    await page.reload();
    await page.waitForURL(/\/nl\/indicator\/premature-mortality\?zones=Z03&step=periods$/);
    await expect.poll(() => page.locator("section.trends h3").textContent(), { timeout: 20_000 }).toBe("Evolutie per kwartaal sinds K1 2020, met 95%-intervallen");
    expect(await page.locator('section.trends input[name="step"][value="periods"]').isChecked()).toBe(true);
    expect(await page.locator("section.trends fieldset").textContent()).toMatch(/Jaren.*Kwartalen/s);
    const rows = await trendRows();
    expect(rows).toHaveLength(60);
    const name = await zoneName("Z03", "nl");
    expect(
      rows
        .filter((r) => r[0] === name)
        .map((r) => r[1])
        .slice(0, 5),
    ).toEqual(["K1 2020", "K2 2020", "K3 2020", "K4 2020", "K1 2021"]);
    // Back to years: the switch leaves the URL, the table has years again.
    await page.locator('section.trends input[name="step"][value="years"]').check();
    await page.waitForURL(/\/nl\/indicator\/premature-mortality\?zones=Z03$/);
    await expect.poll(() => page.locator("section.trends h3").textContent(), { timeout: 20_000 }).toBe("Evolutie sinds 2020, met 95%-intervallen");
    expect(d.problems).toEqual([]);
  });

  it("exports the trend framed for a report, by year and by quarter: file name, the areas and the time they span, the areas as legend", async () => {
    const { page } = d;
    const card = page.locator("section.trends figure.chart-card");
    /** The trend's SVG export: its file name and its texts. */
    async function exported(): Promise<{ name: string; texts: string[] }> {
      await card.locator("[data-chart] svg").waitFor({ timeout: 20_000 });
      const [download] = await Promise.all([page.waitForEvent("download"), card.locator('button[data-export="svg"]').click()]);
      const svg = readFileSync((await download.path())!, "utf8");
      return { name: download.suggestedFilename(), texts: [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!.replaceAll("&apos;", "'").replaceAll("&amp;", "&")) };
    }
    const zone = await zoneName("Z01", "fr");
    await page.goto(`${d.url}/fr/indicator/premature-mortality?zones=Z01`);
    const years = await exported();
    expect(years.name).toBe("premature-mortality-trend.svg");
    const yearly = years.texts.find((x) => x.endsWith(" · 2020–2024"));
    expect(yearly?.startsWith("Belgique, ")).toBe(true);
    expect(yearly).toContain(`, ${zone} · `);
    expect(years.texts).toContain(zone);

    await page.locator('section.trends input[name="step"][value="periods"]').check();
    await expect.poll(() => page.locator("section.trends h3").textContent(), { timeout: 20_000 }).toBe("Évolution par trimestre depuis T1 2020, avec intervalles à 95 %");
    const quarters = await exported();
    expect(quarters.name).toBe("premature-mortality-trend-quarter.svg");
    expect(quarters.texts).toContain(yearly!.replace(" · 2020–2024", " · T1 2020–T4 2024"));
    expect(quarters.texts).toContain(zone);
    expect(d.problems).toEqual([]);
  });

  it("offers no switch for an indicator with yearly values only", async () => {
    const { page } = d;
    await page.goto(`${d.url}/en/indicator/gmd-coverage?zones=Z03&step=periods`);
    await page.locator("section.trends [data-chart] svg").waitFor({ timeout: 20_000 });
    expect(await page.locator('section.trends input[name="step"]').count()).toBe(0);
    expect(await page.locator("section.trends h3").textContent()).toBe("Trend since 2020, with 95% intervals");
  });

  it("checks a cycle on the zone's quarters: the chart, its table and '20 points trimestriels'", async () => {
    const { page } = d;
    await page.goto(`${d.url}/fr/pdca/ZPL/Z03`);
    await page.fill('input[name="username"]', "editor.z03");
    await page.fill('input[name="password"]', PASSWORD);
    await page.click('form.sign-in button[type="submit"]');
    await page.waitForSelector("form.cycle-form");
    await page.selectOption("form.cycle-form select", "premature-mortality");
    await page.fill('input[name="title"]', "Moins de décès prématurés");
    await page.fill('textarea[name="problem"]', "Au-dessus de la région.");
    await page.fill('input[name="actions-from"]', "2022");
    await page.click('form.cycle-form button[type="submit"]');
    await page.waitForURL(/\/fr\/pdca\/ZPL\/Z03\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.locator(".check [data-points]").textContent(), { timeout: 20_000 }).toBe("20 points trimestriels");
    expect(await page.locator(".check [data-points]").getAttribute("data-points")).toBe("quarter");
    const chart = page.locator(".check [data-chart] svg");
    await chart.waitFor({ timeout: 20_000 });
    expect(await chart.textContent()).toContain("T1 2022");
    // One dot per quarter.
    expect(await chart.locator("circle").count()).toBe(20);
    await page.locator(".check details.data-table summary").click();
    const periods = await page.locator(".check table tbody tr td:first-child").allTextContents();
    expect(periods).toHaveLength(20);
    expect(periods.slice(0, 2)).toEqual(["T1 2020", "T2 2020"]);
    expect(periods.at(-1)).toBe("T4 2024");
    await screenshot(page, "pdca-quarters-fr");
    expect(d.problems).toEqual([]);
  });
});
