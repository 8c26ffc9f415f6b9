import { resolve } from "node:path";
import type { Command } from "commander";
import type { FastifyInstance } from "fastify";
import { StoreError } from "../pdca/store/errors.ts";
import { countUsers } from "../pdca/store/users.ts";
import { checkReleaseDir, ReleaseError } from "../server/release.ts";
import { UserError } from "../core/user-error.ts";
import { parseNumber } from "./errors.ts";

export interface ServeOptions {
  release: string;
  port: number;
  host: string;
  web: string;
  rateLimit: number;
  logLevel: string;
  accessLog?: boolean;
  /** app.duckdb: accounts and PDCA cycles; without it the API is public and read-only. */
  appDb?: string;
  trustProxy?: boolean;
  /** A first look of a first start (AppOptions.preview). */
  preview?: boolean;
  /** What to say when the port is taken (npm start shows how to pass a port through npm). */
  busyMessage?: string;
}

/** Swaps the release on SIGHUP (the publisher replaced DIR), closes cleanly on SIGINT/SIGTERM. */
function handleSignals(app: FastifyInstance, dir: string): Promise<void> {
  return new Promise((done) => {
    const hup = () => {
      app.swapRelease(dir).then(
        ({ from, to }) => process.stderr.write(`boussole: release ${from} replaced by ${to}\n`),
        (e: unknown) => process.stderr.write(`boussole: release not swapped, still serving ${app.releases.release.id}: ${(e as Error).message}\n`),
      );
    };
    const stop = () => {
      process.off("SIGHUP", hup).off("SIGINT", stop).off("SIGTERM", stop);
      app.close().then(done, done);
    };
    process.on("SIGHUP", hup).on("SIGINT", stop).on("SIGTERM", stop);
  });
}

export function serveCommand(program: Command): void {
  program
    .command("serve")
    .description("Serve a release: the API under /api/v1, its documentation at /api/docs, the dashboard (web/dist) at /. SIGHUP re-reads the release.")
    .requiredOption("--release <dir>", "release directory (published.duckdb + manifest.json) written by `boussole publish`")
    .option("--port <n>", "port to listen on (0: any free port)", parseNumber("--port", 0, 65535), 8080)
    .option("--host <address>", "address to listen on", "127.0.0.1")
    .option("--web <dir>", "built dashboard to serve at /", "web/dist")
    .option("--rate-limit <n>", "requests per minute per client address, 0 for none", parseNumber("--rate-limit", 0, 1e9), 600)
    .option("--log-level <level>", "fatal, error, warn, info, debug", "info")
    .option("--access-log", "log every request (a reverse proxy usually does)")
    .option("--app-db <file>", "accounts and PDCA cycles (created when missing; add users with `boussole users add`); without it, no sign-in and no cycles")
    .option("--trust-proxy", "behind a reverse proxy: take the client address and HTTPS from X-Forwarded-* (Secure session cookie)")
    .action((o: ServeOptions) => serveRelease(o));
}

/** Serves a release until SIGINT/SIGTERM (also used by `start`). */
export async function serveRelease(o: ServeOptions): Promise<void> {
  await serveApp(await openApp(o), o);
}

/** The server of a release, ready but not listening (a first start opens it before its building page closes). */
export async function openApp(o: ServeOptions): Promise<FastifyInstance> {
  const dir = resolve(o.release);
  try {
    checkReleaseDir(dir);
    // Loaded here: the other commands need neither Fastify nor its plugins.
    const { buildApp } = await import("../server/app.ts");
    return await buildApp({
      releaseDir: dir,
      webDir: o.web,
      logger: { level: o.logLevel, stream: process.stderr },
      disableRequestLogging: !o.accessLog,
      rateLimit: o.rateLimit > 0 ? { max: o.rateLimit } : false,
      appDb: o.appDb,
      trustProxy: o.trustProxy ?? false,
      preview: o.preview ?? false,
    });
  } catch (e) {
    if (e instanceof ReleaseError) throw new UserError(e.message, 2);
    if (e instanceof StoreError) throw new UserError(e.message, e.kind === "busy" ? 1 : 2);
    throw e;
  }
}

/** Listens, says where, and serves until SIGINT/SIGTERM (SIGHUP swaps the release). */
export async function serveApp(app: FastifyInstance, o: ServeOptions): Promise<void> {
  const url = await listenOn(app, o);
  process.stdout.write(`Boussole is serving release ${app.releases.release.id} at ${url}/ (API ${url}/api/v1, documentation ${url}/api/docs)\n`);
  if (o.appDb && (await app.pdca.db.read((q) => countUsers(q))) === 0) {
    process.stdout.write(`No accounts in ${o.appDb} yet: to sign in, stop the server and run \`npx boussole users add NAME --role admin --app-db ${o.appDb}\`.\n`);
  }
  await handleSignals(app, resolve(o.release));
}

/** app.listen, a port taken or not allowed said in words (the app closed). Resolves to the URL. */
export async function listenOn(app: FastifyInstance, o: Pick<ServeOptions, "port" | "host" | "busyMessage">): Promise<string> {
  try {
    return await app.listen({ port: o.port, host: o.host });
  } catch (e) {
    await app.close();
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") throw new UserError(o.busyMessage ?? `port ${o.port} is already in use on ${o.host}: choose another with --port`);
    if (code === "EADDRNOTAVAIL" || code === "EACCES") throw new UserError(`cannot listen on ${o.host}:${o.port} (${code})`);
    throw e;
  }
}
