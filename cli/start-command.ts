import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { loadDefinitions } from "../indicators/definition/load.ts";
import { publish } from "../release/publish.ts";
import { seedExampleCycles } from "../server/pdca/seed-examples.ts";
import { loadExtract } from "../etl/load/load-extract.ts";
import { generateSample } from "../sample/generate.ts";
import { createProgress } from "../core/progress.ts";
import { UserError } from "../core/user-error.ts";
import { parseNumber } from "./errors.ts";
import { assertPortFree, busyPortMessage, chosenPort } from "./port.ts";
import { serveRelease } from "./serve-command.ts";

/**
 * `npm start`: builds what is missing of the demo from the synthetic sample (the extract, the
 * warehouse, the release, the example PDCA cycles), then serves the API and the dashboard. Each stage is kept in
 * `data/` and reused by the next start.
 */
export function startCommand(program: Command): void {
  program
    .command("start")
    .description("Build the demo from the synthetic sample when it is missing (data/), then serve it on http://localhost:8080 (or --port, or PORT).")
    .option("--data <dir>", "working directory for the demo", "data")
    .option("--scale <share>", "scale of the synthetic sample", parseNumber("--scale", 0.0001, 1), 0.01)
    // No default here: PORT from the environment comes next (port.ts).
    .option("--port <n>", "port to listen on (default: PORT, else 8080)", parseNumber("--port", 0, 65535))
    .option("--no-serve", "build the demo and stop")
    .action(async (o: { data: string; scale: number; port?: number; serve: boolean }) => {
      const port = chosenPort(o.port);
      const host = "127.0.0.1";
      // Before any work: a busy port found after the build would waste it.
      if (o.serve) await assertPortFree(port, host);
      const progress = createProgress();
      const sampleDir = join(o.data, "sample");
      const warehouse = join(o.data, "warehouse.duckdb");
      const release = join(o.data, "release");
      if (!existsSync(join(sampleDir, "extract.json"))) {
        progress.log(`generating the synthetic sample (scale ${o.scale}) in ${sampleDir}`);
        await generateSample({ scale: o.scale, firstYear: 2019, lastYear: 2024, seed: 42, out: sampleDir, progress });
      }
      if (!existsSync(warehouse)) {
        progress.log(`loading ${sampleDir} into ${warehouse}`);
        const result = await loadExtract(sampleDir, { warehouse, progress });
        if (!result.written) throw new UserError(`the sample did not load:\n${result.check.report.format()}`);
      }
      progress.log(`warehouse ready: ${warehouse} (synthetic sample)`);
      if (!existsSync(join(release, "manifest.json"))) {
        progress.log(`publishing the demo release into ${release} (indicators, disclosure control, audit: this takes long the first time)`);
        const { definitions, problems } = loadDefinitions(join("indicators", "definitions"));
        if (problems.length > 0) throw new UserError(`${problems.length} invalid definition(s): run boussole indicators validate`);
        const m = await publish(definitions, { warehouse, out: release, log: (line) => progress.log(line) });
        progress.log(`release ${m.releaseId}: ${m.audit.cellsPublished} cells published, ${m.audit.hiddenSmallCount + m.audit.hiddenComplementary + m.audit.hiddenDerived} hidden`);
      }
      progress.log(`release ready: ${release}`);
      // The demo's example PDCA cycles (synthetic releases only, once per app.duckdb).
      const examples = await seedExampleCycles({ release, appDb: join(o.data, "app.duckdb") });
      if (examples > 0) progress.log(`${examples} example PDCA cycles written into ${join(o.data, "app.duckdb")}`);
      if (!o.serve) return;
      await serveRelease({ release, port, host, busyMessage: busyPortMessage(port, host), web: join("web", "dist"), rateLimit: 600, logLevel: "warn", appDb: join(o.data, "app.duckdb") });
    });
}
