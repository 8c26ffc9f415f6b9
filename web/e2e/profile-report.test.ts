// A zone profile that fits (issue 17), on the release published from the synthetic sample and, for
// a profile with several aims, on the fixture release: at 1280 px the whole profile (values,
// interval, comparisons, spine) is on screen without sideways scroll, a hidden cell is one short
// word in its row with its explanation once under the table; at 820 and 390 px every indicator's
// verdict is on screen; printed, each aim starts an A4 page headed by the zone, release, period and
// synthetic note, and no aim is wider than the page (the PDF has a page per aim).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp } from "../../server/test-support/app.ts";
import { SAMPLE_INDICATORS, sampleRelease } from "../../tests/support/sample-release.ts";
import { MESSAGES } from "../src/lib/i18n/index.ts";
import { axeViolations, buildDashboard, CHROMIUM, openDashboard, screenshot, type Dashboard } from "./support.ts";

const LANGS = ["fr", "nl", "de", "en"] as const;

/** The width between the A4 page's side margins, in CSS pixels, as print.css sets them. */
function a4PrintableWidth(): number {
  const css = readFileSync(join(import.meta.dirname, "../src/styles/print.css"), "utf8");
  const page = /@page\s*\{[^}]*size:\s*A4 portrait;[^}]*margin:\s*([\d.]+)mm\s+([\d.]+)mm/.exec(css);
  if (!page) throw new Error("print.css has no A4 @page rule with its margins");
  return Math.floor(((210 - 2 * Number(page[2])) * 96) / 25.4);
}

/** What sticks out: the page, any aim's table beyond its section, any spine beyond the screen. */
function overflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width) out.push(`page ${document.documentElement.scrollWidth} > ${width}`);
    for (const section of Array.from(document.querySelectorAll<HTMLElement>("section.aim-group"))) {
      const aim = section.dataset.aim;
      const box = section.getBoundingClientRect();
      const scroller = section.querySelector<HTMLElement>(".table-scroll")!;
      if (scroller.scrollWidth > scroller.clientWidth + 1) out.push(`${aim}: table ${scroller.scrollWidth} > ${scroller.clientWidth}`);
      const table = section.querySelector("table")!.getBoundingClientRect();
      if (table.right > box.right + 1) out.push(`${aim}: table ends at ${table.right} > ${box.right}`);
      if (box.right > width + 1) out.push(`${aim}: section ends at ${box.right} > ${width}`);
      for (const svg of Array.from(section.querySelectorAll("svg.spine"))) {
        const s = svg.getBoundingClientRect();
        if (s.right > box.right + 1 || s.left < box.left - 1) out.push(`${aim}: spine ${s.left}–${s.right} outside ${box.left}–${box.right}`);
      }
    }
    return out;
  });
}

describe.skipIf(!existsSync(CHROMIUM))("zone profiles that fit the screen and the A4 page", () => {
  let d: Dashboard;
  let fixture: FastifyInstance;
  let fixtureUrl = "";
  /** Sample zones (ELZ) whose latest total cell is hidden, and one whose cell is published. */
  let hiddenZones: string[] = [];
  let shownZone = "";

  beforeAll(async () => {
    const [releaseDir, webDir] = await Promise.all([sampleRelease(), buildDashboard()]);
    d = await openDashboard({ webDir, releaseDir });
    fixture = await testApp({ webDir });
    fixtureUrl = await fixture.listen({ port: 0, host: "127.0.0.1" });
    const cells = (
      JSON.parse((await d.app.inject({ url: "/api/v1/values?indicator=gmd-coverage&level=zone&system=elz&stratum=total&format=json" })).body) as {
        cells: { year: number; area_code: string; hidden: string | null }[];
      }
    ).cells;
    const last = Math.max(...cells.map((c) => c.year));
    hiddenZones = cells.filter((c) => c.year === last && c.hidden).map((c) => c.area_code);
    // A zone none of whose indicators (gmd-coverage, emergency-visits) is hidden in the last year.
    const hiddenAnywhere = new Set(hiddenZones);
    for (const id of SAMPLE_INDICATORS.filter((i) => i !== "gmd-coverage")) {
      const other = JSON.parse((await d.app.inject({ url: `/api/v1/values?indicator=${id}&level=zone&system=elz&stratum=total&format=json` })).body) as {
        cells: { year: number; area_code: string; hidden: string | null }[];
      };
      for (const c of other.cells) if (c.year === last && c.hidden) hiddenAnywhere.add(c.area_code);
    }
    shownZone = cells.find((c) => c.year === last && !hiddenAnywhere.has(c.area_code))!.area_code;
    expect(hiddenZones.length).toBeGreaterThan(0);
  }, 600_000);
  afterAll(async () => {
    await d?.close();
    await fixture?.close();
  });

  async function open(url: string): Promise<void> {
    await d.page.goto(url);
    await d.page.locator("tr[data-indicator]").first().waitFor({ timeout: 30_000 });
    await d.page.waitForFunction(() => !document.querySelector(".loading"), undefined, { timeout: 30_000 });
  }
  const profiles = () => [`${d.url}/{lang}/zone/elz/${hiddenZones[0]}`, `${d.url}/{lang}/zone/elz/${shownZone}`, `${fixtureUrl}/{lang}/zone/ZPL/Z06`];

  it("shows the whole profile at 1280 px without sideways scroll, in fr, nl, de and en", async () => {
    const { page } = d;
    await page.setViewportSize({ width: 1280, height: 900 });
    const wide: string[] = [];
    for (const lang of LANGS) {
      for (const url of profiles().map((u) => u.replace("{lang}", lang))) {
        await open(url);
        wide.push(...(await overflow(page)).map((o) => `${url}: ${o}`));
        // Every column of every row, spine included, is inside the screen.
        const right = await page.evaluate(() => Math.max(...Array.from(document.querySelectorAll("tr[data-indicator] > *")).map((c) => c.getBoundingClientRect().right)));
        if (right > 1280) wide.push(`${url}: a cell ends at ${right}`);
        if (lang === "fr" || url.startsWith(fixtureUrl)) await screenshot(page, `profile-1280-${lang}-${url.startsWith(fixtureUrl) ? "fixture" : url.split("/").at(-1)}`);
      }
    }
    expect(wide).toEqual([]);
    expect(d.problems).toEqual([]);
  });

  it("writes a hidden cell as one short word in its row, and its explanation once under the table", async () => {
    const { page } = d;
    for (const lang of LANGS) {
      const m = MESSAGES[lang];
      for (const url of [`${d.url}/${lang}/zone/elz/${hiddenZones[0]}`, `${fixtureUrl}/${lang}/zone/ZPL/Z06`]) {
        await open(url);
        const row = page.locator("tr.hidden-row").first();
        const value = (await row.locator("td.value").innerText()).trim();
        expect(value, url).toBe(m["hidden.marker"]);
        expect(m["hidden.marker"].split(" ")).toHaveLength(1);
        expect(await row.locator("td.value [data-marker=hidden]").count()).toBe(1);
        // No row carries the sentence; each table with a hidden cell has one note, and only those.
        expect(await page.locator("tr[data-indicator]", { hasText: m["hidden.short"] }).count()).toBe(0);
        const sections = page.locator("section.aim-group");
        for (let i = 0; i < (await sections.count()); i++) {
          const section = sections.nth(i);
          const hidden = await section.locator("[data-hidden-mark], [data-hidden]").count();
          const notes = section.locator("[data-hidden-note]");
          expect(await notes.count(), `${url} ${await section.getAttribute("data-aim")}`).toBe(hidden ? 1 : 0);
          if (hidden) {
            const note = (await notes.innerText()).replace(/\s+/g, " ").trim();
            expect(note).toBe(m["hidden.note"].replace("{marker}", m["hidden.marker"]));
            // The marks point screen readers to the note.
            const id = await notes.getAttribute("id");
            for (const described of await section.locator("[data-hidden-mark]").evaluateAll((els) => els.map((e) => e.getAttribute("aria-describedby")))) expect(described).toBe(id);
          }
        }
      }
    }
    // The marks and the note pass the accessibility scan.
    await open(`${fixtureUrl}/en/zone/ZPL/Z06`);
    expect(await axeViolations(page)).toEqual([]);
    // A zone without a hidden cell has no note at all.
    await open(`${d.url}/fr/zone/elz/${shownZone}`);
    expect(await page.locator("[data-hidden-note]").count()).toBe(0);
    expect(d.problems).toEqual([]);
  });

  it.each([820, 390])("keeps every indicator's verdict on screen at %i px", async (width) => {
    const { page } = d;
    await page.setViewportSize({ width, height: width < 500 ? 844 : 1180 });
    try {
      for (const lang of ["fr", "nl", "de"] as const) {
        for (const url of profiles().map((u) => u.replace("{lang}", lang))) {
          await open(url);
          expect(await overflow(page), url).toEqual([]);
          const rows = page.locator("tr[data-indicator]");
          expect(await rows.count()).toBeGreaterThan(0);
          for (let i = 0; i < (await rows.count()); i++) {
            const verdicts = rows.nth(i).locator(":is([data-comparison], [data-hidden])");
            expect(await verdicts.count()).toBeGreaterThan(0);
            for (let j = 0; j < (await verdicts.count()); j++) {
              const v = verdicts.nth(j);
              expect(await v.isVisible(), `${url} row ${i}`).toBe(true);
              const box = (await v.boundingBox())!;
              expect(box.x, `${url} row ${i}`).toBeGreaterThanOrEqual(0);
              expect(box.x + box.width, `${url} row ${i}`).toBeLessThanOrEqual(width);
            }
          }
        }
        await screenshot(page, `profile-${width}-${lang}-fixture`);
      }
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it("has a visible Print / PDF button in fr, nl, de and en", async () => {
    const { page } = d;
    for (const lang of LANGS) {
      await open(`${fixtureUrl}/${lang}/zone/ZPL/Z06`);
      const button = page.getByRole("button", { name: MESSAGES[lang]["profile.print"], exact: true });
      expect(await button.isVisible(), lang).toBe(true);
    }
    expect(MESSAGES.fr["profile.print"]).not.toBe(MESSAGES.en["profile.print"]);
  });

  it("prints each aim on its own A4 page, as wide as the page at most, headed by zone, release, period and the synthetic note", async () => {
    const { page } = d;
    const printable = a4PrintableWidth();
    expect(printable).toBeGreaterThan(650);
    expect(printable).toBeLessThan(720);
    for (const lang of LANGS) {
      const m = MESSAGES[lang];
      for (const url of profiles().map((u) => u.replace("{lang}", lang))) {
        await page.setViewportSize({ width: 1280, height: 900 });
        await open(url);
        const name = (await page.locator("h1").innerText()).trim();
        const release = (await page.locator(".profile-header .muted").innerText()).trim();
        // Laid out at the width of the A4 page between its margins.
        await page.emulateMedia({ media: "print" });
        await page.setViewportSize({ width: printable, height: 1100 });
        try {
          expect(await overflow(page), `${url} in print`).toEqual([]);
          // Controls are not printed; the synthetic note is.
          expect(await page.getByRole("button", { name: m["profile.print"] }).isVisible()).toBe(false);
          expect(await page.locator(".banner").innerText()).toBe(m["release.synthetic"]);
          const sections = page.locator("section.aim-group");
          const count = await sections.count();
          expect(count).toBeGreaterThan(0);
          for (let i = 0; i < count; i++) {
            const section = sections.nth(i);
            const breakBefore = await section.evaluate((s) => getComputedStyle(s).breakBefore);
            const head = section.locator(".print-head");
            if (i === 0) {
              // The first aim shares page 1 with the profile's own heading (name, release, period).
              expect(breakBefore).toBe("auto");
              expect(await head.isVisible()).toBe(false);
              expect(await page.locator("h1").isVisible()).toBe(true);
              expect(await page.locator(".profile-header .muted").isVisible()).toBe(true);
            } else {
              expect(breakBefore, `${url} aim ${i}`).toBe("page");
              expect(await head.isVisible()).toBe(true);
              const text = (await head.innerText()).replace(/\s+/g, " ");
              expect(text).toContain(name);
              expect(text).toContain(release);
              expect(text).toContain(m["release.synthetic"]);
              const years = await section.locator("tr[data-indicator] td:nth-child(2)").allInnerTexts();
              expect(text).toContain(m["profile.period"].replace("{period}", years[0]!.trim()));
            }
          }
        } finally {
          await page.emulateMedia({ media: null });
          await page.setViewportSize({ width: 1280, height: 900 });
        }
      }
    }
    // As an A4 PDF (print media, as a reader would print it): the fixture's profile is short
    // enough for one page, yet prints a page per aim.
    await open(`${fixtureUrl}/fr/zone/ZPL/Z06`);
    const aims = await page.locator("section.aim-group").count();
    expect(aims).toBe(3);
    const pdf = (await page.pdf({ format: "A4" })).toString("latin1");
    const pages = pdf.match(/\/Type\s*\/Page(?!s)\b/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(aims);
    expect(d.problems).toEqual([]);
  });
});
