import type { Command } from "commander";
import type { BuildMessage } from "../server/building/status.ts";
import { buildDemo, demoPaths, missingStages } from "./demo-build.ts";
import { parseNumber } from "./errors.ts";
import { assertPortFree, busyPortMessage, chosenPort } from "./port.ts";
import { serveRelease, type ServeOptions } from "./serve-command.ts";
import { serveWhileBuilding } from "./serve-while-building.ts";

/**
 * `npm start`: builds what is missing of the demo from the synthetic sample (the extract, the
 * warehouse, the release, the example PDCA cycles), then serves the API and the dashboard. Each
 * stage is kept in `data/` and reused by the next start. While a first start builds, its port
 * already answers with a page that says how far the build has got (serve-while-building.ts).
 */
export function startCommand(program: Command): void {
  program
    .command("start")
    .description("Build the demo from the synthetic sample when it is missing (data/), then serve it on http://localhost:8080 (or --port, or PORT).")
    .option("--data <dir>", "working directory for the demo", "data")
    .option("--scale <share>", "scale of the synthetic sample", parseNumber("--scale", 0.0001, 1), 0.01)
    // No default here: PORT from the environment comes next (port.ts).
    .option("--port <n>", "port to listen on (default: PORT, else 8080)", parseNumber("--port", 0, 65535))
    .option("--web <dir>", "built dashboard to serve at / (npm start builds it first)", "web/dist")
    .option("--no-serve", "build the demo and stop")
    .action(async (o: { data: string; scale: number; port?: number; web: string; serve: boolean }) => {
      const paths = demoPaths(o.data);
      if (!o.serve) {
        const parent = parentChannel();
        try {
          await buildDemo(paths, { scale: o.scale, report: parent?.report });
        } finally {
          parent?.close();
        }
        return;
      }
      const port = chosenPort(o.port);
      const host = "127.0.0.1";
      const serve: ServeOptions = {
        release: paths.release,
        port,
        host,
        busyMessage: busyPortMessage(port, host),
        web: o.web,
        rateLimit: 600,
        logLevel: "warn",
        appDb: paths.appDb,
      };
      const stages = missingStages(paths);
      if (stages.length > 0) return serveWhileBuilding({ ...serve, data: o.data, scale: o.scale, stages, previewDir: paths.preview });
      // A complete demo: only the example cycles are checked (created once per app.duckdb).
      await assertPortFree(port, host);
      await buildDemo(paths, { scale: o.scale });
      await serveRelease(serve);
    });
}

/**
 * The building child's channel to the first start that runs it (none when run by hand). Closed
 * once the demo is built: an open IPC channel would keep this process alive.
 */
function parentChannel(): { report: (m: BuildMessage) => void; close: () => void } | undefined {
  if (!process.send) return undefined;
  // The parent gone, nobody will serve what this builds.
  const orphaned = () => process.exit(1);
  process.once("disconnect", orphaned);
  return {
    report: (m) => {
      if (process.connected) process.send!(m);
    },
    close: () => {
      process.off("disconnect", orphaned);
      if (process.connected) process.disconnect();
    },
  };
}
