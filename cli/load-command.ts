import { existsSync } from "node:fs";
import type { Command } from "commander";
import { loadExtract, type LoadResult } from "../etl/load/load-extract.ts";
import { createProgress } from "../core/progress.ts";
import { UserError } from "../core/user-error.ts";
import { parseNumber } from "./errors.ts";

interface CheckOptions {
  vintage?: number;
  json?: boolean;
  memoryLimit?: string;
}

function print(result: LoadResult, json: boolean | undefined): void {
  if (json) process.stdout.write(`${JSON.stringify(result.check.report.toJSON(), null, 2)}\n`);
  else process.stdout.write(`${result.check.report.format()}\n`);
}

function requireDirectory(dir: string): void {
  if (!existsSync(dir)) throw new UserError(`extract directory not found: ${dir}`, 2);
}

export function validateCommand(program: Command, setExit: (code: number) => void): void {
  program
    .command("validate")
    .argument("<dir>", "directory holding the extract files")
    .description("Check every file and row of an extract against the contract; writes nothing.")
    .option("--vintage <year>", "geography vintage to check codes against (default: the latest in the file)", parseNumber("--vintage", 1970, 2100))
    .option("--memory-limit <size>", "DuckDB memory limit for the cross-file checks (default: a quarter of the memory, 1GB to 8GB)")
    .option("--json", "print the report as JSON")
    .action(async (dir: string, o: CheckOptions) => {
      requireDirectory(dir);
      const result = await loadExtract(dir, { vintage: o.vintage, memoryLimit: o.memoryLimit, progress: createProgress(process.stderr, { quiet: o.json }) });
      print(result, o.json);
      setExit(result.check.report.ok ? 0 : 1);
    });
}

export function loadCommand(program: Command, setExit: (code: number) => void): void {
  program
    .command("load")
    .argument("<dir>", "directory holding the extract files")
    .description("Validate an extract and load it into a new warehouse that replaces the old one atomically.")
    .requiredOption("--warehouse <file>", "warehouse DuckDB file to (re)place")
    .option("--vintage <year>", "geography vintage to check codes against (default: the latest in the file)", parseNumber("--vintage", 1970, 2100))
    .option("--memory-limit <size>", "DuckDB memory limit; beyond it DuckDB spills to disk (default: a quarter of the memory, 1GB to 8GB)")
    .option("--json", "print the report as JSON")
    .action(async (dir: string, o: CheckOptions & { warehouse: string }) => {
      requireDirectory(dir);
      const progress = createProgress(process.stderr, { quiet: o.json });
      const result = await loadExtract(dir, { warehouse: o.warehouse, vintage: o.vintage, memoryLimit: o.memoryLimit, progress });
      print(result, o.json);
      if (result.written) progress.log(`loaded batch ${result.batchId}: ${result.rows.toLocaleString("en")} rows into ${o.warehouse}`);
      else progress.log(`nothing loaded: ${o.warehouse} is unchanged`);
      setExit(result.written ? 0 : 1);
    });
}
