// Report-ready exports on a release published from the synthetic sample (issue 17): a chart's
// SVG and PNG carry its title, subtitle (area, period), legend, source, the release's title and
// the synthetic note; the Belgian CSV (semicolons, decimal commas, BOM) opens in columns with
// rounded values beside raw ones and area codes beside names.
import { existsSync, readFileSync } from "node:fs";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { CHROMIUM, dashboardOnSampleRelease, screenshot, type Dashboard } from "./support.ts";

describe.skipIf(!existsSync(CHROMIUM))("report-ready exports on the synthetic sample's release", () => {
  const d = dashboardOnSampleRelease();

  async function save(card: ReturnType<Dashboard["page"]["locator"]>, format: string): Promise<{ name: string; bytes: Buffer }> {
    const [download] = await Promise.all([d.page.waitForEvent("download"), card.locator(`button[data-export="${format}"]`).click()]);
    return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
  }

  it("frames the map's SVG and PNG with title, subtitle, legend, source, release and the synthetic note", async () => {
    const { page } = d;
    await page.goto(`${d.url}/fr/indicator/gmd-coverage?system=elz`);
    const card = page.locator("figure.chart-card").first();
    await card.locator("[data-chart] svg").waitFor({ timeout: 30_000 });
    const title = (await card.locator("h3").textContent())!.trim();
    const svg = (await save(card, "svg")).bytes.toString("utf8");
    const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!.replaceAll("&apos;", "'").replaceAll("&amp;", "&"));
    const all = texts.join(" ");
    expect(all).toContain(title.split(" ").slice(0, 3).join(" "));
    expect(all).toContain("Zones de première ligne (ELZ) · 2024");
    for (const words of ["Comparaison", "Mieux", "Semblable", "Moins bien", "Masqué"]) expect(all, words).toContain(words);
    expect(all).toMatch(/Source\u00a0: \S/);
    expect(all).toContain("données synthétiques");
    expect(all).toContain("Données de démonstration synthétiques");
    expect(svg).toContain('data-area="'); // the map itself, nested whole
    const png = await save(card, "png");
    expect(png.bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    // IHDR: twice the framed SVG's size, which is taller than the chart alone.
    const [width, height] = [png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)];
    const framed = svg.match(/<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]* width="(\d+)" height="(\d+)"/)!;
    expect([width, height]).toEqual([2 * Number(framed[1]), 2 * Number(framed[2])]);
  });

  it("writes the Belgian CSV in columns, with codes, raw and rounded values, and keeps the standard CSV", async () => {
    const { page } = d;
    await page.goto(`${d.url}/nl/indicator/gmd-coverage?system=elz`);
    const card = page.locator("figure.chart-card").nth(1);
    await card.locator("[data-chart] svg").waitFor({ timeout: 30_000 });
    const be = await save(card, "csv-be");
    expect(be.name).toMatch(/-be\.csv$/);
    const text = be.bytes.toString("utf8");
    expect(text.startsWith("\uFEFF")).toBe(true);
    const rows = Papa.parse<string[]>(text.slice(1).trim(), { delimiter: ";" }).data;
    const header = rows[0]!;
    expect(header.slice(0, 4)).toEqual(["Gebiedscode", "Gebied", "Waarde", "Waarde (afgerond)"]);
    expect(new Set(rows.map((r) => r.length))).toEqual(new Set([header.length]));
    const published = rows.slice(1).find((r) => r[2] !== "")!;
    expect(published[0]).toMatch(/^elz/);
    expect(published[2]).toMatch(/^\d+(,\d+)?$/);
    expect(Number(published[3]!.replace(",", "."))).toBeCloseTo(Number(published[2]!.replace(",", ".")), 1);
    expect(published[3]!.split(",")[1]?.length ?? 0).toBeLessThanOrEqual(1);
    const standard = (await save(card, "csv")).bytes
      .toString("utf8")
      .replace(/^\uFEFF/, "")
      .split("\r\n");
    expect(standard[0]).toBe("Gebied,Waarde,Ondergrens 95%,Bovengrens 95%,Teller,Noemer,Status");
    await screenshot(page, "sample-indicator-nl");
    expect(d.problems).toEqual([]);
  });
});
