// A first `npm start` as its user meets it: the real command (the tiny extract standing in for
// the generated sample), a real port, Debian's Chromium. The address answers at once with the
// page that says the demo is being built, in the address's language; the API says so in its
// own format; and the same page turns into the dashboard by itself when the first look (the
// latest year) is ready, then into the whole release's.
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, TINY, temporaryDirectory } from "../../tests/helpers.ts";
import { buildDashboard, CHROMIUM, CHROMIUM_ARGS, screenshot } from "./support.ts";
import { freePort } from "../../cli/port.ts";

describe.skipIf(!existsSync(CHROMIUM))("a first start", () => {
  it("serves a page in the reader's language while it builds, which becomes the dashboard at the same address", async () => {
    const data = temporaryDirectory();
    cpSync(TINY, join(data, "sample"), { recursive: true });
    writeFileSync(join(data, "sample", "extract.json"), JSON.stringify({ producer: "Boussole tests", synthetic: true }));
    const [web, port] = await Promise.all([buildDashboard(), freePort()]);
    const start = spawn(process.execPath, [join(ROOT, "bin", "boussole.js"), "start", "--data", data, "--port", String(port), "--web", web], {
      cwd: ROOT,
      env: { ...process.env, CI: "true" },
    });
    let stdout = "";
    let stderr = "";
    start.stdout.on("data", (b) => (stdout += String(b)));
    start.stderr.on("data", (b) => (stderr += String(b)));
    const exited = new Promise<number | null>((resolve) => start.once("exit", resolve));
    const { chromium } = await import("playwright-core");
    const context = await chromium.launchPersistentContext(mkdtempSync(join(temporaryDirectory(), "chromium-")), {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      locale: "de-BE",
    });
    try {
      const url = `http://127.0.0.1:${port}`;
      await expect.poll(() => stdout, { timeout: 30_000 }).toContain(`follow it at ${url}/`);
      // The API during the build: its error format, a code the dashboard words in four languages.
      const api = await fetch(`${url}/api/v1/release`);
      expect(api.status).toBe(503);
      expect(((await api.json()) as { code: string }).code).toBe("release-building");

      const page = context.pages()[0] ?? (await context.newPage());
      // A 503 and a refused connection while the port changes hands are expected; a script or CSP error is not.
      const problems: string[] = [];
      page.on("console", (m) => m.type() === "error" && !m.text().startsWith("Failed to load resource") && problems.push(m.text()));
      page.on("pageerror", (e) => problems.push(e.message));
      const address = `${url}/fr/indicator/premature-mortality`;
      await page.goto(address);
      expect(await page.textContent("h1")).toBe("La démo se prépare");
      expect(await page.locator("li.running").count()).toBe(1);
      await screenshot(page, "first-start-building-fr");
      // No reload by the test: the page reloads itself until the dashboard answers: first the
      // first look (the latest year alone), saying so in the page's language.
      await page.locator("header.site .brand").waitFor({ timeout: 240_000 });
      const firstLook = page.locator("p.banner.preview");
      await firstLook.waitFor({ timeout: 60_000 });
      expect(await firstLook.textContent()).toContain("Premier aperçu : seule l'année 2024 est publiée pour l'instant.");
      expect(stdout).toContain("Boussole is serving a first look");
      await screenshot(page, "first-start-first-look-fr");
      // Its cycles page says when the cycles come (the app database is still the build's).
      const pdca = await context.newPage();
      await pdca.goto(`${url}/fr/pdca`);
      await expect.poll(() => pdca.locator("main").textContent(), { timeout: 15_000 }).toContain("arrivent avec toute la publication");
      await pdca.close();
      // Then, by itself again, the whole release at the same address.
      await firstLook.waitFor({ state: "detached", timeout: 240_000 });
      await page.locator("header.site .brand").waitFor({ timeout: 30_000 });
      expect(page.url()).toBe(address);
      expect(problems).toEqual([]);
      expect(await page.getAttribute("html", "lang")).toBe("fr");
      expect(stdout).toContain(`Boussole is serving release`);
      expect(stderr).toContain("publishing the demo release");
      const release = await fetch(`${url}/api/v1/release`);
      expect(release.status).toBe(200);
      expect((await release.json()) as { synthetic: boolean; preview: boolean }).toMatchObject({ synthetic: true, preview: false });
    } finally {
      await context.close();
      start.kill("SIGTERM");
      await exited;
    }
  }, 300_000);
});
