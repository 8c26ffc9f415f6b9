// The dashboard in a real browser (Debian's Chromium) against the real server and the fixture
// release: each view, search, a map click, language switch, permalinks with back and forward,
// downloads, a hidden cell, and an axe-core scan of every view. Screenshots go to
// test-artifacts/screenshots/.
import { existsSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, buildDashboard, CHROMIUM, openDashboard, screenshot, type Dashboard } from "./support.ts";

describe.skipIf(!existsSync(CHROMIUM))("the dashboard in Chromium", () => {
  let d: Dashboard;
  beforeAll(async () => {
    d = await openDashboard({ webDir: await buildDashboard() });
  }, 180_000);
  afterAll(async () => d?.close());

  const chart = (selector = "[data-chart] svg") => d.page.waitForSelector(selector, { timeout: 20_000 });

  it("sends a bare address to the reader's language and finds a zone by a municipality's name", async () => {
    const { page } = d;
    await page.goto(`${d.url}/`);
    await page.waitForURL(/\/en\/$/);
    await expect.poll(() => page.textContent("h1")).toBe("Where does your population stand?");
    await page.fill("#area-search-input", "antwerpen");
    const hit = page.locator('.search-results a[data-hit^="zone:"]').first();
    await hit.waitFor({ timeout: 10_000 });
    const name = (await hit.textContent())!.trim();
    await hit.click();
    await page.waitForURL(/\/en\/zone\/ZPL\/Z\d\d$/);
    await expect.poll(() => page.textContent("h1")).toBe(name);
    await screenshot(page, "search-to-profile");
  });

  it("opens a zone's profile from a click on the home map", async () => {
    const { page } = d;
    await page.goto(`${d.url}/en/`);
    await chart('path[data-area="Z04"]');
    const label = await page.getAttribute('path[data-area="Z04"]', "aria-label");
    await page.click('path[data-area="Z04"]');
    await page.waitForURL(/\/en\/zone\/ZPL\/Z04$/);
    await expect.poll(() => page.textContent("h1")).toBe(label);
    await page.goBack();
    await page.waitForURL(/\/en\/$/);
    await chart('path[data-area="Z04"]');
    await screenshot(page, "home");
  });

  it("shows a hidden cell as hidden, with no number, in the zone profile", async () => {
    const { page } = d;
    await page.goto(`${d.url}/en/zone/ZPL/Z06`);
    const row = page.locator('tr[data-indicator="gmd-coverage"]');
    await row.waitFor({ timeout: 20_000 });
    const value = (await row.locator("td.value").textContent())!;
    // One short word in the row; the sentence once, under the aim's table.
    expect(value.trim()).toBe("hidden");
    expect(value).not.toMatch(/\d/);
    expect(await page.locator('section[data-aim="experience"] [data-hidden-note]').textContent()).toContain("hidden to protect privacy");
    expect(await row.locator("[data-hidden]").count()).toBeGreaterThan(0);
    // A published row of the same profile has a number and a comparison in words.
    const other = page.locator('tr[data-indicator="premature-mortality"] td.value');
    expect(await other.textContent()).toMatch(/\d/);
    await screenshot(page, "profile-hidden-cell");
  });

  it("switches language and keeps the view; the profile filter is in the URL", async () => {
    const { page } = d;
    await page.goto(`${d.url}/en/zone/ZPL/Z01?type=outcome`);
    await page.locator("tr[data-indicator]").first().waitFor({ timeout: 20_000 });
    expect(await page.locator('tr[data-indicator="gmd-coverage"]').count()).toBe(0);
    await page.click('.languages a[hreflang="fr"]');
    await page.waitForURL(/\/fr\/zone\/ZPL\/Z01\?type=outcome$/);
    await expect.poll(() => page.getAttribute("html", "lang")).toBe("fr");
    await expect.poll(() => page.textContent("button >> nth=0")).toContain("Imprimer");
    await expect.poll(() => page.locator('input[name="type"]:checked').evaluate((e) => (e.parentElement as HTMLElement).textContent)).toContain("Résultat");
    // Numbers follow the locale: a decimal comma in French.
    expect(await page.locator('tr[data-indicator="spending-per-person"] td.value').textContent()).toMatch(/€/);
    await page.click('.languages a[hreflang="de"]');
    await page.waitForURL(/\/de\/zone\/ZPL\/Z01\?type=outcome$/);
    await expect.poll(() => page.textContent("main h2")).toMatch(/Bevölkerungsgesundheit|Wert|Versorgungserfahrung/);
    await screenshot(page, "profile-de");
  });

  it("restores an indicator view from its permalink, and back and forward walk its states", async () => {
    const { page } = d;
    const link = `${d.url}/nl/indicator/gmd-coverage?year=2023&legend=quintile&zones=Z02,Z05&breakdown=bim`;
    await page.goto(link);
    await chart();
    const check = async () => {
      expect(await page.locator('select:near(:text("Jaar"))').first().inputValue()).toBe("2023");
      expect(await page.locator('input[name="legend"]:checked').evaluate((e) => (e.parentElement as HTMLElement).textContent)).toContain("Kwintiel");
      expect(await page.locator('input[name="breakdown"]:checked').evaluate((e) => (e.parentElement as HTMLElement).textContent)).toContain("Terugbetalingsstatuut");
      expect(await page.locator(".chosen .chips li").count()).toBe(2);
    };
    await check();
    await page.reload();
    await chart();
    await check();
    // A click on the map adds a zone (a new history entry); back removes it again.
    await page.click('path[data-area="Z03"]');
    await page.waitForURL(/zones=Z02,Z05,Z03/);
    await expect.poll(() => page.locator(".chosen .chips li").count()).toBe(3);
    await page.goBack();
    await page.waitForURL(/zones=Z02,Z05&/);
    await expect.poll(() => page.locator(".chosen .chips li").count()).toBe(2);
    await page.goForward();
    await page.waitForURL(/zones=Z02,Z05,Z03/);
    await expect.poll(() => page.locator(".chosen .chips li").count()).toBe(3);
    await screenshot(page, "indicator-nl");
  });

  it("downloads the data behind a chart as CSV, and the chart as PNG and SVG", async () => {
    const { page } = d;
    await page.goto(`${d.url}/en/indicator/gmd-coverage?year=2024`);
    await chart();
    const card = page.locator("figure.chart-card").nth(1); // ranked bars
    const save = async (format: string) => {
      const [download] = await Promise.all([page.waitForEvent("download"), card.locator(`button[data-export="${format}"]`).click()]);
      return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
    };
    const csv = await save("csv");
    expect(csv.name).toBe("gmd-coverage-zpl-2024-ranked.csv");
    const lines = csv.bytes
      .toString("utf8")
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("Area,Value,Lower 95%,Upper 95%,Numerator,Denominator,Status");
    expect(lines).toHaveLength(1 + 6);
    // The hidden zone: keys and status only, no number.
    const hidden = lines.find((l) => l.endsWith(",suppressed"));
    expect(hidden).toMatch(/^[^,]+,,,,,,suppressed$/);
    const png = await save("png");
    expect(png.name).toBe("gmd-coverage-zpl-2024-ranked.png");
    expect(png.bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const svg = await save("svg");
    expect(svg.bytes.toString("utf8")).toMatch(/^<\?xml[^>]*>\s*<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  });

  it("compares areas as small multiples and opens the PDCA route from the navigation", async () => {
    const { page } = d;
    await page.goto(`${d.url}/en/compare?indicator=premature-mortality&areas=belgium:BE,region:02000,zone:ZPL:Z01`);
    await chart();
    await expect.poll(() => page.locator(".chosen .chips li").count()).toBe(3);
    expect(await page.locator("figure.chart-card").count()).toBe(2);
    await screenshot(page, "compare");
    await page.click('header.site a[href="/en/pdca"]');
    await page.waitForURL(/\/en\/pdca$/);
    await page.locator('a[href="/en/pdca/ZPL/Z01"]').click();
    await page.waitForURL(/\/en\/pdca\/ZPL\/Z01$/);
    await expect.poll(() => page.textContent("main h2")).toContain("Cycles of");
  });

  it.each([
    ["tablet portrait", 820, 1180],
    ["tablet landscape", 1180, 820],
  ])("fits a %s screen: no sideways scrolling of the page, wide tables scroll in their own box", async (name, width, height) => {
    const { page } = d;
    await page.setViewportSize({ width, height });
    try {
      for (const path of ["/fr/zone/ZPL/Z01", "/fr/indicator/gmd-coverage?zones=Z01", "/fr/compare"]) {
        await page.goto(`${d.url}${path}`);
        await chart(path.includes("zone/") ? "svg.spine" : "[data-chart] svg");
        expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), path).toBeLessThanOrEqual(0);
      }
      await screenshot(page, `compare-${name.replace(" ", "-")}`);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it.each([
    ["home", "/en/"],
    ["profile", "/fr/zone/ZPL/Z06"],
    ["indicator", "/de/indicator/premature-mortality?zones=Z05"],
    ["compare", "/nl/compare"],
    ["pdca", "/en/pdca/ZPL/Z01"],
  ])("has no serious or critical accessibility violation: %s", async (name, path) => {
    const { page } = d;
    await page.goto(`${d.url}${path}`);
    await page.waitForLoadState("networkidle");
    await page.waitForFunction(() => !document.querySelector(".loading"), undefined, { timeout: 20_000 });
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, `a11y-${name}`);
  });

  it("raised no error in the browser console", () => {
    expect(d.problems).toEqual([]);
  });
});
