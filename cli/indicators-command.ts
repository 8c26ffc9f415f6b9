/**
 * `boussole indicators …`: check, list and explain the indicator definitions, and compute the
 * person-based ones on a warehouse. Definitions are always read from the repository's
 * `indicators/definitions` (or --definitions), and an invalid set computes nothing: a typo in
 * one file must not silently drop an indicator from the dashboard.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { describeDefinition } from "../indicators/definition/describe.ts";
import { loadDefinitions, type DefinitionProblem } from "../indicators/definition/load.ts";
import type { Definition } from "../indicators/definition/schema.ts";
import { compile } from "../indicators/compute/compile.ts";
import { checkSqlDefinition, compileSqlDefinitions, sqlDefinitionProblems } from "../indicators/compute/compile-sql.ts";
import { computeIndicators, writeCells } from "../indicators/compute/compute.ts";
import { describeSkippedYears } from "../indicators/compute/source-coverage.ts";
import { describePersonKey } from "../indicators/compute/person-key.ts";
import { UserError } from "../core/user-error.ts";

const DEFAULT_DIR = fileURLToPath(new URL("../indicators/definitions", import.meta.url));

function formatProblem(p: DefinitionProblem): string {
  // The message already names the suggestion, when there is one.
  return `${p.file}:${p.line}:${p.column}: ${p.message}`;
}

/** The definitions, or a UserError listing the problems (exit 1). */
function definitionsOrFail(dir: string): Definition[] {
  if (!existsSync(dir)) throw new UserError(`definitions folder not found: ${dir}`, 2);
  const { definitions, problems } = loadDefinitions(dir);
  if (problems.length > 0) throw new UserError(`${problems.map(formatProblem).join("\n")}\n${problems.length} problem(s) in the definitions: fix them first (boussole indicators validate)`);
  return definitions;
}

export function indicatorsCommand(program: Command, setExit: (code: number) => void): void {
  const indicators = program.command("indicators").description("Check, list, explain and compute the indicator definitions.");
  const dirOption = ["--definitions <dir>", "folder of definitions, laid out as <aim>/<id>.yaml", DEFAULT_DIR] as const;

  indicators
    .command("validate")
    .description("Check every definition, and every hand-written `sql` query against the warehouse's tables; print each problem as file:line:column: message.")
    .option(...dirOption)
    .action(async (o: { definitions: string }) => {
      if (!existsSync(o.definitions)) throw new UserError(`definitions folder not found: ${o.definitions}`, 2);
      const loaded = loadDefinitions(o.definitions);
      // Queries are checked by DuckDB's parser and bound against an empty warehouse (compile-sql.ts).
      const sqlProblems = await sqlDefinitionProblems(loaded.definitions, loaded.sources);
      const problems = [...loaded.problems, ...sqlProblems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
      const refused = new Set(sqlProblems.map((p) => p.file));
      const definitions = loaded.definitions.filter((d) => !refused.has(loaded.sources.get(d.id)?.file ?? ""));
      for (const p of problems) process.stdout.write(`${formatProblem(p)}\n`);
      process.stdout.write(`${definitions.length} valid definition(s), ${problems.length} problem(s)\n`);
      setExit(problems.length > 0 ? 1 : 0);
    });

  indicators
    .command("list")
    .description("List the definitions: id, aim, type, statistic, title.")
    .option(...dirOption)
    .action((o: { definitions: string }) => {
      const rows = definitionsOrFail(o.definitions).map((d) => [d.id, d.aim, d.type, d.statistic, d.title.en]);
      const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
      for (const r of rows) process.stdout.write(`${r.map((v, i) => (i < 4 ? v.padEnd(widths[i]!) : v)).join("  ")}\n`);
    });

  indicators
    .command("explain")
    .argument("<id>", "indicator id")
    .description("Describe a definition in words and show the query that computes it.")
    .option(...dirOption)
    .action(async (id: string, o: { definitions: string }) => {
      const def = definitionsOrFail(o.definitions).find((d) => d.id === id);
      if (!def) throw new UserError(`no indicator \`${id}\` (boussole indicators list)`, 2);
      process.stdout.write(`${describeDefinition(def)}\n\n`);
      if (def.sql !== undefined) {
        // The hand-written query, checked, inside the statement that sums it to every area.
        const problems = await checkSqlDefinition(def);
        for (const p of problems) process.stdout.write(`Refused: ${p.message}${p.queryLine !== undefined ? ` (line ${p.queryLine} of the query)` : ""}\n`);
        if (problems.length === 0) process.stdout.write(`${compileSqlDefinitions([def])}\n`);
        setExit(problems.length > 0 ? 1 : 0);
        return;
      }
      const { sql, skipped } = compile([def]);
      process.stdout.write(skipped.length > 0 ? `Not computed: ${skipped[0]!.reason}\n` : `${sql}\n`);
    });

  indicators
    .command("compute")
    .description("Compute the person-based indicators per year, area and stratum (cells BEFORE disclosure control).")
    .requiredOption("--warehouse <file>", "warehouse DuckDB file (opened read-only)")
    .requiredOption("--out <file>", "DuckDB file to write the cells to (tables indicator_cell and indicator_period_cell), replaced atomically")
    .option("--memory-limit <size>", "DuckDB memory limit (default: a quarter of the memory, 1GB to 8GB)")
    .option(...dirOption)
    .action(async (o: { warehouse: string; out: string; memoryLimit: string; definitions: string }) => {
      if (!existsSync(o.warehouse)) throw new UserError(`warehouse not found: ${o.warehouse}`, 2);
      const defs = definitionsOrFail(o.definitions);
      const result = await computeIndicators(o.warehouse, defs, { memoryLimit: o.memoryLimit });
      await writeCells(result.table, o.out, result.periodCells);
      if (result.personKey) process.stdout.write(`${describePersonKey(result.personKey, o.warehouse)}\n`);
      process.stdout.write(`${result.table.length} cell(s) of ${result.computed.length} indicator(s) written to ${o.out} (query ${Math.round(result.queryMs)} ms)\n`);
      const perIndicator = new Map<string, number>();
      const { table } = result;
      for (let i = 0; i < table.length; i++) {
        const id = table.text(table.indicator[i]!)!;
        perIndicator.set(id, (perIndicator.get(id) ?? 0) + 1);
      }
      for (const id of result.computed) process.stdout.write(`  ${id}: ${perIndicator.get(id) ?? 0} cell(s)\n`);
      if (result.periodCells.length > 0) process.stdout.write(`${result.periodCells.length} sub-annual period cell(s) (table indicator_period_cell)\n`);
      process.stdout.write(`skipped ${result.skipped.length}:\n`);
      for (const s of result.skipped) process.stdout.write(`  ${s.id}: ${s.reason}\n`);
      if (result.skippedYears.length > 0)
        process.stdout.write(
          `years without source data (no cells, not zeros):\n${describeSkippedYears(result.skippedYears)
            .map((l) => `  ${l}\n`)
            .join("")}`,
        );
      setExit(0);
    });
}
