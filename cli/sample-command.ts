import type { Command } from "commander";
import { generateSample } from "../sample/generate.ts";
import { createProgress } from "../core/progress.ts";
import { UserError } from "../core/user-error.ts";
import { parseNumber } from "./errors.ts";

export function parseYears(value: string): [number, number] {
  const m = /^(\d{4})(?:-(\d{4}))?$/.exec(value);
  if (!m) throw new UserError(`--years must look like 2019-2024 or 2024, got "${value}"`, 2);
  const first = Number(m[1]);
  const last = Number(m[2] ?? m[1]);
  const thisYear = new Date().getUTCFullYear();
  if (first > last || first < 2000 || last >= thisYear) throw new UserError(`--years must run forwards, from 2000 to ${thisYear - 1}; got "${value}"`, 2);
  return [first, last];
}

export function sampleCommand(program: Command): void {
  program
    .command("sample")
    .description("Write a synthetic extract (a made-up Belgium, plainly labelled as such) in the contract's formats.")
    .option("--scale <share>", "share of Belgium's 11.8 million people to simulate", parseNumber("--scale", 0.0001, 1), 0.05)
    .option("--years <first-last>", "years to simulate", "2019-2024")
    .option("--seed <n>", "random seed: the same seed gives the same bytes", parseNumber("--seed", 0, 2 ** 31), 42)
    .option("--out <dir>", "directory to write", "data/sample")
    .option("--format <format>", "person-level files as csv or parquet", "csv")
    .action(async (o: { scale: number; years: string; seed: number; out: string; format: string }) => {
      if (o.format !== "csv" && o.format !== "parquet") throw new UserError(`--format must be csv or parquet, got "${o.format}"`, 2);
      const [firstYear, lastYear] = parseYears(o.years);
      const progress = createProgress();
      const started = Date.now();
      const result = await generateSample({ scale: o.scale, firstYear, lastYear, seed: o.seed, out: o.out, format: o.format, progress });
      const rows = Object.values(result.rows).reduce((a, b) => a + b, 0);
      progress.log(
        `wrote ${result.files.length} files to ${o.out}: ${result.people.toLocaleString("en")} synthetic people, ${rows.toLocaleString("en")} person-level rows, in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
    });
}
