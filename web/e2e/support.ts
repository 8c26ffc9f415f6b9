// What the browser tests share: the dashboard built by Vite into a temporary folder, the real
// server on a real port with the hand-made fixture release, and Debian's Chromium (headless,
// fresh profile) driven by playwright-core. Never a downloaded browser.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { build } from "vite";
import { afterAll, beforeAll } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import type { FastifyInstance } from "fastify";
import { testApp, temporaryDirectory } from "../../server/test-support/app.ts";
import { sampleRelease } from "../../tests/support/sample-release.ts";

export const CHROMIUM = process.env.BOUSSOLE_CHROMIUM ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
const ROOT = resolve(import.meta.dirname, "../..");
export const ARTIFACTS = join(ROOT, "test-artifacts", "screenshots");

/** Builds web/ into a fresh folder so the test never runs a stale web/dist. */
export async function buildDashboard(outDir = join(temporaryDirectory(), "dist")): Promise<string> {
  await build({ configFile: join(ROOT, "vite.config.ts"), logLevel: "warn", build: { outDir, emptyOutDir: true } });
  return outDir;
}

export interface Dashboard {
  url: string;
  app: FastifyInstance;
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions seen so far. */
  problems: string[];
  close(): Promise<void>;
}

export async function openDashboard(options: { webDir: string; appDb?: string; releaseDir?: string }): Promise<Dashboard> {
  const { chromium } = await import("playwright-core");
  const app = await testApp({ webDir: options.webDir, ...(options.appDb ? { appDb: options.appDb } : {}), ...(options.releaseDir ? { releaseDir: options.releaseDir } : {}) });
  const url = await app.listen({ port: 0, host: "127.0.0.1" });
  const profile = mkdtempSync(join(temporaryDirectory(), "chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
    locale: "en-GB",
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  // Failed requests are reported with their URL by the response listener instead.
  page.on("console", (m) => m.type() === "error" && !m.text().startsWith("Failed to load resource") && problems.push(m.text()));
  // A server without --app-db answers the PDCA session route 404: the page says so, not an error.
  page.on("response", (r) => r.status() >= 400 && !(r.status() === 404 && !options.appDb && new URL(r.url()).pathname === "/api/v1/auth/session") && problems.push(`${r.status()} ${r.url()}`));
  page.on("pageerror", (e) => problems.push(e.message));
  return {
    url,
    app,
    context,
    page,
    problems,
    async close() {
      await context.close();
      await app.close();
    },
  };
}

/**
 * The dashboard on a release published from the synthetic sample (not the hand-made fixture),
 * opened before the calling suite's tests and closed after them: call it inside `describe`. The
 * object it returns is filled in by `beforeAll`.
 */
export function dashboardOnSampleRelease(): Dashboard {
  const d = {} as Dashboard;
  beforeAll(async () => {
    const [releaseDir, webDir] = await Promise.all([sampleRelease(), buildDashboard()]);
    Object.assign(d, await openDashboard({ webDir, releaseDir }));
  }, 600_000);
  afterAll(async () => d.close?.());
  return d;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** axe-core in the page: WCAG 2.0/2.1 A and AA rules; returns the serious and critical violations. */
export async function axeViolations(page: Page): Promise<{ id: string; impact: string; help: string; targets: string[] }[]> {
  const axe = await import("axe-core");
  // Evaluated through the DevTools protocol: the page's CSP (rightly) refuses inline scripts.
  await page.evaluate(axe.default.source);
  const result = await page.evaluate(async () => {
    const w = window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } };
    return w.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
  });
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")) }));
}

export function writeText(path: string, text: string): void {
  writeFileSync(path, text);
}
