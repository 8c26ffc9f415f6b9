// The dashboard's benchmark: the gzipped size of the JavaScript it ships, and the time from
// navigation to the first chart drawn in headless Chromium on localhost (the app marks
// "first-chart" when a chart is in the DOM). Cold loads: a fresh browser context each time, so
// no HTTP cache; the server runs in this process on a generated national-size fixture release.
//   node --import tsx bench/web.ts [--runs 7]
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { buildApp } from "../server/app.ts";
import { temporaryDirectory } from "../server/test-support/app.ts";
import { writeFixtureRelease } from "../server/test-support/fixture.ts";
import { buildDashboard, CHROMIUM, CHROMIUM_ARGS } from "../web/e2e/support.ts";

export interface WebBenchResult {
  js: { files: number; bytes: number; gzipBytes: number };
  css: { gzipBytes: number };
  firstChartMs: Record<string, { runs: number[]; median: number }>;
  release: { municipalities: number; zones: number; indicators: number };
  targets: { jsGzipAtMost250KB: boolean; firstChartAtMost1s: boolean };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

export async function benchWeb(options: { runs?: number } = {}): Promise<WebBenchResult> {
  const runs = options.runs ?? 7;
  const dist = await buildDashboard();
  const assets = readdirSync(join(dist, "assets"));
  const size = (ext: string) => assets.filter((f) => f.endsWith(ext)).map((f) => readFileSync(join(dist, "assets", f)));
  const js = size(".js");
  const shape = { municipalities: 600, zones: 60, indicators: 40 };
  const releaseDir = join(temporaryDirectory("boussole-bench-web-"), "release");
  await writeFixtureRelease(releaseDir, { ...shape, firstYear: 2019, lastYear: 2024 });
  const app = await buildApp({ releaseDir, webDir: dist, disableRequestLogging: true });
  const url = await app.listen({ port: 0, host: "127.0.0.1" });
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const pages = { home: "/en/", profile: "/fr/zone/ZPL/Z01", indicator: "/nl/indicator/gmd-coverage" };
  const firstChartMs: WebBenchResult["firstChartMs"] = {};
  try {
    for (const [name, path] of Object.entries(pages)) {
      const times: number[] = [];
      for (let i = 0; i < runs + 1; i++) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        const page = await context.newPage();
        await page.goto(url + path);
        await page.waitForFunction(() => performance.getEntriesByName("first-chart").length > 0, undefined, { timeout: 30_000 });
        const ms = await page.evaluate(() => performance.getEntriesByName("first-chart")[0]!.startTime);
        if (i > 0) times.push(Math.round(ms)); // the first load warms the server's caches
        await context.close();
      }
      firstChartMs[name] = { runs: times, median: median(times) };
    }
  } finally {
    await browser.close();
    await app.close();
  }
  const gzipBytes = js.reduce((s, b) => s + gzipSync(b, { level: 9 }).length, 0);
  return {
    js: { files: js.length, bytes: js.reduce((s, b) => s + b.length, 0), gzipBytes },
    css: { gzipBytes: size(".css").reduce((s, b) => s + gzipSync(b, { level: 9 }).length, 0) },
    firstChartMs,
    release: shape,
    targets: { jsGzipAtMost250KB: gzipBytes <= 250 * 1024, firstChartAtMost1s: Object.values(firstChartMs).every((r) => r.median <= 1000) },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const runsArg = process.argv.indexOf("--runs");
  const result = await benchWeb({ runs: runsArg > 0 ? Number(process.argv[runsArg + 1]) : undefined });
  console.log(JSON.stringify(result, null, 2));
  process.exit(0);
}
