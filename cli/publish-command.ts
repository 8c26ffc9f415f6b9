/**
 * `boussole publish` writes a release (cells after disclosure control, audited);
 * `boussole audit` re-audits one from its files alone.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { loadDefinitions } from "../indicators/definition/load.ts";
import { runPool } from "../core/workers/pool.ts";
import type { AuditJob, AuditOutcome } from "./audit-jobs.ts";
import { DEFAULT_PRUNE_BUDGET, publish, PublishError } from "../release/publish.ts";
import { UserError } from "../core/user-error.ts";
import { parseNumber } from "./errors.ts";
import { parseYears } from "./sample-command.ts";

export const DEFAULT_DEFINITIONS = join("indicators", "definitions");

export function publishCommand(program: Command, setExit: (code: number) => void): void {
  program
    .command("publish")
    .description("Compute the indicators, hide what could identify a person, audit, and write a release (published.duckdb + manifest.json).")
    .requiredOption("--warehouse <file>", "warehouse DuckDB file (opened read-only)")
    .requiredOption("--out <dir>", "release directory, replaced atomically")
    .option("--definitions <dir>", "indicator definitions", DEFAULT_DEFINITIONS)
    .option("--min-count <n>", "smallest count published (at least 5)", parseNumber("--min-count", 5, 1000), 5)
    .option("--protection-width <n>", "width every hidden small count's feasible interval must reach", parseNumber("--protection-width", 1, 1000), 5)
    .option("--municipalities", "also publish municipalities' totals (default: zones and larger areas)", false)
    .option("--municipality-strata", "also publish municipal breakdowns by sex, age band and BIM status", false)
    .option("--previous <dir>", "the previous release, whose published values are known facts (a table it published with the same values keeps its pattern)")
    .option("--years <first-last>", "publish these years only, e.g. 2024 or 2022-2024 (default: every year of the warehouse)")
    .option("--memory-limit <size>", "DuckDB memory limit")
    .option(
      "--prune-budget <n>",
      "LP solves the pruning pass may spend per solve of suppression (0: no pruning; 1000: in effect until no hidden cell is redundant)",
      parseNumber("--prune-budget", 0, 1000),
      DEFAULT_PRUNE_BUDGET,
    )
    .action(
      async (o: {
        warehouse: string;
        out: string;
        definitions: string;
        minCount: number;
        protectionWidth: number;
        municipalities: boolean;
        municipalityStrata: boolean;
        previous?: string;
        years?: string;
        memoryLimit?: string;
        pruneBudget: number;
      }) => {
        const span = o.years === undefined ? undefined : parseYears(o.years);
        const years = span && Array.from({ length: span[1] - span[0] + 1 }, (_, k) => span[0] + k);
        if (!existsSync(o.warehouse)) throw new UserError(`warehouse not found: ${o.warehouse}`, 2);
        const { definitions, problems } = loadDefinitions(o.definitions);
        if (problems.length > 0) throw new UserError(`${problems.length} invalid definition(s): run boussole indicators validate`);
        try {
          const m = await publish(definitions, { ...o, years, log: (line) => process.stderr.write(`${line}\n`) });
          const a = m.audit;
          process.stdout.write(
            `release ${m.releaseId} written to ${o.out}: ${m.indicators.length} indicators, ${m.years?.join("–") ?? "no years"}; ` +
              `${a.cellsPublished} cells published, hidden ${a.hiddenSmallCount} small count, ${a.hiddenComplementary} complementary, ${a.hiddenDerived} derived; ` +
              `narrowest interval ${a.narrowestInterval ?? "–"}; ${a.seconds} s\n`,
          );
        } catch (e) {
          if (e instanceof PublishError) throw new UserError(e.message, 1);
          throw e;
        }
      },
    );

  program
    .command("audit")
    .argument("<dir>", "release directory")
    .description("Re-audit a release from its files alone: no small count published, no number on a hidden cell, every small count's interval wide enough.")
    .action(async (dir: string) => {
      for (const name of ["published.duckdb", "manifest.json"]) if (!existsSync(join(dir, name))) throw new UserError(`${dir} is not a release: ${name} is missing`, 2);
      // The publisher's audit and the independent attacker (attacker/: public tables only,
      // relations it discovers itself), side by side on two threads (cli/audit-jobs.ts).
      const jobs: AuditJob[] = [
        { kind: "publisher", dir },
        { kind: "attacker", dir },
      ];
      const outcomes = await runPool<AuditJob, AuditOutcome>(new URL("./audit-jobs.ts", import.meta.url), jobs, {
        threads: 2,
        label: (job) => (job.kind === "publisher" ? "the publisher's audit" : "the independent attacker"),
      });
      const r = outcomes.flatMap((o) => (o.kind === "publisher" ? [o.audit] : []))[0]!;
      const a = outcomes.flatMap((o) => (o.kind === "attacker" ? [o.report] : []))[0]!;
      for (const f of r.failures) process.stdout.write(`FAIL ${f}\n`);
      process.stdout.write(
        `${r.passed ? "passed" : "FAILED"}: release ${r.releaseId}, ${r.checkedCells} cells checked, ${r.attackedCells} hidden small counts attacked, narrowest interval ${r.narrowestInterval ?? "–"}, ${r.seconds.toFixed(1)} s\n`,
      );
      for (const l of a.leaks)
        process.stdout.write(`LEAK ${l.indicatorId} ${l.year} ${l.level} ${l.systemCode ?? ""} ${l.areaCode} ${l.stratum}=${l.stratumValue} ${l.kind} in [${l.min}, ${l.max}]\n`);
      process.stdout.write(
        `${a.leaks.length === 0 ? "passed" : "FAILED"}: independent attacker, ${a.hiddenCounts} hidden counts, ${a.relations.length} relations discovered, ${a.leaks.length} narrower than ${a.protectionWidth}, narrowest interval ${a.narrowestInterval ?? "–"}, ${a.seconds.toFixed(1)} s\n`,
      );
      setExit(r.passed && a.leaks.length === 0 ? 0 : 1);
    });
}
