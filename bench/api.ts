import { spawn } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

// The API server's benchmark. Run it with
//   node --import tsx bench/api.ts [--release DIR] [--duration 20] [--connections 64]
// (--duration 120 for the two-minute memory check). Without --release it generates a fixture
// release of 600 municipalities × 40 indicators × 6 years.

export interface ApiBenchOptions {
  /** A release directory (`boussole publish`); default: a generated fixture. */
  release?: string;
  /** Seconds per route (default 20). */
  duration?: number;
  connections?: number;
  /** Seconds of discarded load before each measurement (default 3). */
  warmup?: number;
}

export interface RouteFigures {
  rps: number;
  p50: number;
  p99: number;
  p999: number;
  non2xx: number;
  errors: number;
  requests: number;
  bytes: number;
  paths: number;
}

export interface ApiBenchResult {
  release: Record<string, unknown>;
  machine: Record<string, unknown>;
  setup: Record<string, unknown>;
  /** First answer of each distinct path (uncached), milliseconds. */
  coldMs: Record<"profile" | "values", { n: number; p50: number; p90: number; max: number }>;
  sizes: Record<string, number>;
  routes: Record<"bare" | "profile" | "values", RouteFigures>;
  ratioToBare: { profile: number; values: number };
  targets: Record<string, boolean>;
  rss: { second: number; mb: number; phase: string }[];
  rssDuring: Record<string, { first: number; last: number; max: number }>;
}

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/**
 * The zone profile and values routes of the real server, and a bare Fastify route with a body
 * of the profile's size, under autocannon at 64 connections; RSS of the server every 5 s.
 */
export function benchApi(options: ApiBenchOptions = {}): Promise<ApiBenchResult> {
  const settings = { release: options.release, duration: options.duration ?? 20, connections: options.connections ?? 64, warmup: options.warmup ?? 3 };
  const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "bench", "tasks", "api-task.ts"), JSON.stringify(settings)], { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  return new Promise((resolve, reject) => {
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`the API benchmark failed (exit ${code})`));
      resolve(JSON.parse(out.trim().split("\n").at(-1) as string) as ApiBenchResult);
    });
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const num = (name: string) => (arg(name) === undefined ? undefined : Number(arg(name)));
  const result = await benchApi({ release: arg("release"), duration: num("duration"), connections: num("connections"), warmup: num("warmup") });
  console.log(JSON.stringify(result, null, 2));
  console.table(
    Object.entries(result.routes).map(([route, r]) => ({
      route,
      "req/s": Math.round(r.rps),
      "p50 ms": r.p50,
      "p99 ms": r.p99,
      "body bytes": r.bytes,
      non2xx: r.non2xx,
      errors: r.errors,
      "÷ bare": route === "bare" ? 1 : (r.rps / result.routes.bare.rps).toFixed(2),
    })),
  );
  console.table(result.targets);
}
