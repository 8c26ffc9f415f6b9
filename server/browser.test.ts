// The CSP seen by a real browser: the dashboard's own script and styles, an inline <style> as
// Observable Plot writes, a PNG export through blob: and data: images; and Swagger UI on
// /api/docs. Skipped where no Chromium is installed (BOUSSOLE_CHROMIUM to point at one).
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { temporaryDirectory, testApp } from "./test-support/app.ts";

const CHROMIUM = process.env.BOUSSOLE_CHROMIUM ?? "/usr/bin/chromium";

const SCRIPT = `
const release = await (await fetch('/api/v1/release')).json();
document.getElementById('app').textContent = release.releaseId;
const style = document.createElement('style');
style.textContent = 'svg { font: 10px sans-serif }';
document.head.append(style);
const load = (src) => new Promise((ok, ko) => { const img = new Image(); img.onload = () => ok(img); img.onerror = ko; img.src = src; });
const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8"/></svg>';
const img = await load(URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' })));
const canvas = document.createElement('canvas');
canvas.getContext('2d').drawImage(img, 0, 0);
await load(canvas.toDataURL('image/png'));
document.body.dataset.done = 'yes';
`;

describe.skipIf(!existsSync(CHROMIUM))("in a browser", () => {
  it("runs the dashboard and Swagger UI without a CSP violation, and blocks inline scripts", async () => {
    const { chromium } = await import("playwright-core");
    const web = join(temporaryDirectory(), "dist");
    mkdirSync(join(web, "assets"), { recursive: true });
    writeFileSync(
      join(web, "index.html"),
      `<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body><div id="app"></div><script>document.body.dataset.inline = 'ran'</script></body></html>`,
    );
    writeFileSync(join(web, "assets", "app.js"), SCRIPT);
    const app = await testApp({ webDir: web });
    const url = await app.listen({ port: 0, host: "127.0.0.1" });
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
      page.on("pageerror", (e) => problems.push(e.message));
      await page.goto(`${url}/fr/zone/ZPL/Z01`);
      await page.waitForSelector("body[data-done=yes]", { timeout: 15_000 });
      expect(await page.textContent("#app")).toBe("fixture0000000a1");
      // The only complaint: the inline script, refused as it should be.
      expect(await page.getAttribute("body", "data-inline")).toBeNull();
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/inline script violates .*Content Security Policy/i);

      problems.length = 0;
      await page.goto(`${url}/api/docs`);
      await page.waitForSelector(".opblock", { timeout: 20_000 });
      // Every public operation of the OpenAPI document (14 since /indicators/{id}/periods).
      expect(await page.locator(".opblock").count()).toBe(14);
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
      await app.close();
    }
  });
});
