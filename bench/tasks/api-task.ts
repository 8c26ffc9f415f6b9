// The API benchmark, run in a child process by bench/api.ts. The real server (`boussole serve`)
// and the bare Fastify baseline each run in their own process; autocannon runs here.
// Prints one JSON line at the end.
import { spawn, type ChildProcess } from "node:child_process";
import { get } from "node:http";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { writeFixtureRelease } from "../../server/test-support/fixture.ts";

interface Options {
  release?: string;
  duration: number;
  connections: number;
  warmup: number;
}
const options = JSON.parse(process.argv[2] ?? "{}") as Options;
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const log = (m: string) => process.stderr.write(`api bench: ${m}\n`);

function start(args: string[], ready: RegExp): Promise<{ child: ChildProcess; match: RegExpExecArray }> {
  const child = spawn(process.execPath, ["--max-semi-space-size=64", ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
      const match = ready.exec(out);
      if (match) resolve({ child, match });
    });
    child.on("exit", (code) => reject(new Error(`${args.join(" ")} exited with ${code}: ${out}`)));
  });
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** Time to the last byte, and the bytes on the wire (fetch would decompress: node:http does not). */
function timed(url: string, headers: Record<string, string> = {}): Promise<{ ms: number; bytes: number; status: number }> {
  const t = performance.now();
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      let bytes = 0;
      res.on("data", (d: Buffer) => (bytes += d.length));
      res.on("end", () => resolve({ ms: performance.now() - t, bytes, status: res.statusCode ?? 0 }));
    }).on("error", reject);
  });
}

async function cannon(base: string, paths: string[], duration: number) {
  const result = await autocannon({ url: base, connections: options.connections, duration, requests: paths.map((path) => ({ method: "GET", path })) });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    p999: result.latency.p99_9,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    requests: result.requests.total,
  };
}

// 1. The release: a real one when given, else a generated fixture of a realistic size.
let dir = options.release;
let work: string | undefined;
if (!dir) {
  work = mkdtempSync(join(tmpdir(), "boussole-api-bench-"));
  dir = join(work, "release");
  log("no --release: generating a fixture of 600 municipalities, 60 zones, 40 indicators, 6 years");
  await writeFixtureRelease(dir, { releaseId: "benchfixture0001", municipalities: 600, zones: 60, indicators: 40, firstYear: 2019, lastYear: 2024 });
}

const server = await start([join(ROOT, "bin", "boussole.js"), "serve", "--release", dir, "--port", "0", "--log-level", "warn", "--rate-limit", "1000000000"], /at (http:\/\/127\.0\.0\.1:\d+)\//);
const base = server.match[1] as string;
const pid = server.child.pid as number;
const rss: { second: number; mb: number; phase: string }[] = [];
const t0 = performance.now();
let phase = "startup";
const sample = () => rss.push({ second: Math.round((performance.now() - t0) / 1000), mb: Math.round(rssMb(pid) * 10) / 10, phase });
sample();
const sampler = setInterval(sample, 5000);

try {
  // 2. What to ask: the zone system with most zones, indicators with zone cells.
  const get = async <T>(path: string) => (await (await fetch(`${base}${path}`)).json()) as T;
  const release = await get<{ releaseId: string; synthetic: boolean; audit: { cellsPublished: number } }>("/api/v1/release");
  const { systems } = await get<{ systems: { system_code: string; zones: number }[] }>("/api/v1/geography/systems");
  const system = [...systems].sort((a, b) => b.zones - a.zones)[0]?.system_code as string;
  const { areas } = await get<{ areas: { area_code: string }[] }>(`/api/v1/geography/areas?level=zone&system=${system}`);
  const { indicators } = await get<{ indicators: { id: string; levels: string[]; years: number[] }[] }>("/api/v1/indicators");
  const zoneIndicators = indicators.filter((i) => i.levels.includes("zone"));
  const profilePaths = areas.map((a) => `/api/v1/profile/zone/${encodeURIComponent(a.area_code)}?system=${encodeURIComponent(system)}`);
  const valuesPaths = zoneIndicators.map((i) => `/api/v1/values?indicator=${i.id}&level=zone&system=${encodeURIComponent(system)}&years=${i.years.at(-1)}`);

  // 3. Cold answers: every path once, one at a time (DuckDB, then the response cache), so
  // that the load runs measure the served path; the first of each is the cold latency.
  phase = "cold";
  const cold = async (paths: string[]) => {
    const times: number[] = [];
    for (const p of paths) times.push((await timed(`${base}${p}`)).ms);
    times.sort((a, b) => a - b);
    const at = (q: number) => Math.round((times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0) * 10) / 10;
    return { n: times.length, p50: at(0.5), p90: at(0.9), max: at(1) };
  };
  const coldProfile = await cold(profilePaths);
  const coldValues = await cold(valuesPaths);
  const profileBytes = (await timed(`${base}${profilePaths[0]}`)).bytes;
  const valuesBytes = (await timed(`${base}${valuesPaths[0]}`)).bytes;
  const sizes: Record<string, number> = { profile: profileBytes, values: valuesBytes };
  for (const [name, path] of [
    ["boundaries municipality geojson", "/api/v1/geography/boundaries?level=municipality"],
    ["boundaries municipality topojson", "/api/v1/geography/boundaries?level=municipality&format=topojson"],
    [`boundaries zone ${system} geojson`, `/api/v1/geography/boundaries?level=zone&system=${system}`],
    [`boundaries zone ${system} topojson`, `/api/v1/geography/boundaries?level=zone&system=${system}&format=topojson`],
  ]) {
    sizes[name as string] = (await timed(`${base}${path}`)).bytes;
    sizes[`${name} (br)`] = (await timed(`${base}${path}`, { "accept-encoding": "br" })).bytes;
    sizes[`${name} (gzip)`] = (await timed(`${base}${path}`, { "accept-encoding": "gzip" })).bytes;
  }

  // 4. The bare baseline, answering with the first profile's bytes.
  const bodyFile = join(mkdtempSync(join(tmpdir(), "boussole-api-bare-")), "profile.json");
  writeFileSync(bodyFile, Buffer.from(await (await fetch(`${base}${profilePaths[0]}`)).arrayBuffer()));
  const bare = await start(["--import", "tsx", join(ROOT, "bench", "tasks", "api-bare.ts"), bodyFile], /listening (http:\/\/127\.0\.0\.1:\d+) (\d+)/);
  const routes: Record<string, Awaited<ReturnType<typeof cannon>> & { bytes: number; paths: number }> = {};
  try {
    for (const [name, target, paths, bytes] of [
      ["bare", bare.match[1] as string, ["/bare"], Number(bare.match[2])],
      ["profile", base, profilePaths, profileBytes],
      ["values", base, valuesPaths, valuesBytes],
    ] as const) {
      phase = `${name} warm-up`;
      log(`${name}: ${options.warmup} s warm-up, ${options.duration} s at ${options.connections} connections`);
      await cannon(target, [...paths], options.warmup);
      phase = name;
      routes[name] = { ...(await cannon(target, [...paths], options.duration)), bytes, paths: paths.length };
    }
  } finally {
    bare.child.kill("SIGTERM");
    rmSync(dirname(bodyFile), { recursive: true, force: true });
  }
  phase = "end";
  sample();
  const ratio = (name: string) => (routes[name]?.rps ?? 0) / (routes.bare?.rps ?? 1);
  const during = (name: string) => rss.filter((s) => s.phase === name).map((s) => s.mb);
  const result = {
    release: {
      id: release.releaseId,
      source: options.release ? "given" : "generated fixture",
      synthetic: release.synthetic,
      cellsPublished: release.audit.cellsPublished,
      zoneSystem: system,
      zones: areas.length,
      zoneIndicators: zoneIndicators.length,
    },
    machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version },
    setup: {
      connections: options.connections,
      duration: options.duration,
      warmup: options.warmup,
      client: "autocannon in the task process",
      server: "boussole serve (own process, rate limit on with a huge max, warn logs)",
      bare: "minimal Fastify (own process) sending a constant string: the first profile's bytes",
    },
    coldMs: { profile: coldProfile, values: coldValues },
    sizes,
    routes,
    ratioToBare: { profile: ratio("profile"), values: ratio("values") },
    targets: {
      "profile >= 60% of bare": ratio("profile") >= 0.6,
      "values >= 60% of bare": ratio("values") >= 0.6,
      "profile p99 < 25 ms": (routes.profile?.p99 ?? Infinity) < 25,
      "values p99 < 25 ms": (routes.values?.p99 ?? Infinity) < 25,
    },
    rss,
    rssDuring: Object.fromEntries(["profile", "values"].map((n) => [n, { first: during(n)[0], last: during(n).at(-1), max: Math.max(...during(n)) }])),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  clearInterval(sampler);
  server.child.kill("SIGTERM");
  if (work) rmSync(work, { recursive: true, force: true });
}
