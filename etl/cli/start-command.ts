import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { loadExtract } from "../load/load-extract.ts";
import { generateSample } from "../sample/generate.ts";
import { createProgress } from "./progress.ts";
import { parseNumber, UserError } from "./errors.ts";

/**
 * `npm start`: builds the demo from the synthetic sample when it is missing. Later stages
 * (indicators, release, server, dashboard) extend this command.
 */
export function startCommand(program: Command): void {
  program
    .command("start")
    .description("Build the demo warehouse from the synthetic sample when there is none (data/).")
    .option("--data <dir>", "working directory for the demo", "data")
    .option("--scale <share>", "scale of the synthetic sample", parseNumber("--scale", 0.0001, 1), 0.01)
    .action(async (o: { data: string; scale: number }) => {
      const progress = createProgress();
      const sampleDir = join(o.data, "sample");
      const warehouse = join(o.data, "warehouse.duckdb");
      if (!existsSync(join(sampleDir, "extract.json"))) {
        progress.log(`generating the synthetic sample (scale ${o.scale}) in ${sampleDir}`);
        await generateSample({ scale: o.scale, firstYear: 2019, lastYear: 2024, seed: 42, out: sampleDir, progress });
      }
      if (!existsSync(warehouse)) {
        progress.log(`loading ${sampleDir} into ${warehouse}`);
        const result = await loadExtract(sampleDir, { warehouse, progress });
        if (!result.written) throw new UserError(`the sample did not load:\n${result.check.report.format()}`);
      }
      progress.log(`warehouse ready: ${warehouse} (synthetic sample). The dashboard is not built yet: see README, "Status".`);
    });
}
