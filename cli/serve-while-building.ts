// A first `npm start`: the demo takes minutes to build, so the port is taken at once by a small
// server (server/building) that tells, in the reader's language, how far the build has got,
// while a child process builds it (`start --no-serve`, cli/demo-build.ts, reporting over IPC).
// When the child has published the latest year (a first look, demo-build.ts), that release is
// served on the same port, read-only, saying it is a first look; when the child is done, the
// whole release's server is opened, the first look's closes and the release's listens on the
// same port. The building page, which reloads itself, becomes the dashboard at the same
// address, and the first look's dashboard reloads itself onto the whole release. A child, not this process, so that a long
// synchronous step of the build never leaves the page without an answer, and the build's memory
// goes back to the system before serving.
import { spawn } from "node:child_process";
import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import { fileURLToPath } from "node:url";
import { UserError } from "../core/user-error.ts";
import { advance, isBuildMessage, type BuildMessage, type BuildStage, type BuildStatus } from "../server/building/status.ts";
import { listenOn, openApp, serveApp, type ServeOptions } from "./serve-command.ts";

export interface ServeWhileBuildingOptions extends ServeOptions {
  data: string;
  scale: number;
  /** The stages the build runs (demo-build.ts missingStages). */
  stages: readonly BuildStage[];
  /** The first look's release directory (demo-build.ts DemoPaths.preview), served while every year is published. */
  previewDir: string;
}

export async function serveWhileBuilding(o: ServeWhileBuildingOptions): Promise<void> {
  let status: BuildStatus = { stages: o.stages, current: null, tables: null, startedAt: Date.now() };
  const { buildingApp } = await import("../server/building/app.ts");
  const building = await buildingApp(() => status);
  // Listening is the check that the port is free, before any work.
  const url = await listenOn(building, o);
  const port = (building.server.address() as AddressInfo).port;
  process.stdout.write(`Boussole is building the demo (first start: a few minutes); follow it at ${url}/, where the dashboard appears when it is ready\n`);
  // What answers on the port: the building page, then the first look, then the release.
  let current: FastifyInstance = building;
  // Each switch waits for the one before it (the first look may still be opening when the build ends).
  let switching: Promise<void> = Promise.resolve();
  const switchTo = (open: () => Promise<FastifyInstance>, said: (app: FastifyInstance) => string) =>
    (switching = switching.then(async () => {
      const next = await open();
      // The port is free for a moment between the two: the pages retry until it answers again.
      await current.close();
      current = next;
      await listenOn(next, { ...o, port });
      process.stdout.write(said(next));
    }));
  const firstLook = () =>
    switchTo(
      // Read-only, without app.duckdb: the building child writes the example cycles into it last.
      () => openApp({ ...o, release: o.previewDir, appDb: undefined, preview: true }),
      (app) => `Boussole is serving a first look, release ${app.releases.release.id} (the latest year alone), at ${url}/ while it publishes every year\n`,
    );
  let code: number | null;
  try {
    code = await runBuild(o, (m) => {
      if (m.type === "preview") void firstLook().catch((e: unknown) => process.stderr.write(`boussole: the first look is not served: ${(e as Error).message}\n`));
      else status = advance(status, m);
    });
    await switching.catch(() => {});
    if (code === null) throw new UserError("the demo's build was interrupted: the next start goes on from the last stage that finished");
    if (code !== 0) throw new UserError(`the demo could not be built (exit code ${code}): the messages above say why`);
  } catch (e) {
    await current.close();
    throw e;
  }
  const app = await openApp(o);
  await current.close();
  await serveApp(app, { ...o, port });
}

/** `start --no-serve` in a child process; resolves to its exit code (null: killed by a signal). */
function runBuild(o: ServeWhileBuildingOptions, onMessage: (m: BuildMessage) => void): Promise<number | null> {
  const bin = fileURLToPath(new URL("../bin/boussole.js", import.meta.url));
  const child = spawn(process.execPath, [...process.execArgv, bin, "start", "--no-serve", "--data", o.data, "--scale", String(o.scale)], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  child.on("message", (m) => {
    if (isBuildMessage(m)) onMessage(m);
  });
  // Ctrl-C at a terminal reaches the child too; a SIGTERM sent to this process alone must as well.
  const stop = () => child.kill("SIGTERM");
  process.on("SIGINT", stop).on("SIGTERM", stop);
  return new Promise((resolve, reject) => {
    const done = () => process.off("SIGINT", stop).off("SIGTERM", stop);
    child.once("error", (e) => {
      done();
      reject(e);
    });
    child.once("exit", (code) => {
      done();
      resolve(code);
    });
  });
}
