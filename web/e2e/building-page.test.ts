// The building page in a real browser (the server in-process, its status moved by the test):
// its one inline script runs under its CSP, redraws the progress without a reload, and says in
// the page's language when the server stops answering. Accessible (axe, WCAG A and AA).
import { existsSync, mkdtempSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { temporaryDirectory } from "../../tests/helpers.ts";
import { buildingApp } from "../../server/building/app.ts";
import type { BuildStatus } from "../../server/building/status.ts";
import { axeViolations, CHROMIUM, CHROMIUM_ARGS, screenshot } from "./support.ts";

describe.skipIf(!existsSync(CHROMIUM))("the building page in a browser", () => {
  it("follows the build without a reload, and says so when the server is gone", async () => {
    let status: BuildStatus = { stages: ["sample", "load", "preview", "publish", "examples"], current: "load", tables: null, startedAt: Date.now() };
    const app = await buildingApp(() => status);
    const url = await app.listen({ port: 0, host: "127.0.0.1" });
    const { chromium } = await import("playwright-core");
    const context = await chromium.launchPersistentContext(mkdtempSync(join(temporaryDirectory(), "chromium-")), { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    let closed = false;
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const problems: string[] = [];
      page.on("console", (m) => m.type() === "error" && !m.text().startsWith("Failed to load resource") && problems.push(m.text()));
      page.on("pageerror", (e) => problems.push(e.message));
      let navigations = 0;
      page.on("framenavigated", () => navigations++);
      await page.goto(`${url}/nl/`);
      expect(await page.textContent("h1")).toBe("De demo wordt voorbereid");
      expect(await axeViolations(page)).toEqual([]);

      status = { ...status, current: "publish", tables: { done: 3, total: 9 } };
      await expect.poll(() => page.textContent("li.running"), { timeout: 15_000 }).toContain("3 van 9 tabellen beschermd");
      expect(navigations).toBe(1);
      await screenshot(page, "building-page-nl");

      await app.close();
      closed = true;
      await page.locator("#lost").waitFor({ state: "visible", timeout: 30_000 });
      expect(await page.textContent("#lost")).toBe("De server antwoordt niet meer: de terminal waarin Boussole gestart werd, zegt waarom.");
      expect(problems).toEqual([]);
    } finally {
      await context.close();
      if (!closed) await app.close();
    }
  }, 90_000);
});
