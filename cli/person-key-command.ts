import { existsSync } from "node:fs";
import type { Command } from "commander";
import { Database } from "../core/duckdb.ts";
import { UserError } from "../core/user-error.ts";
import { cannotOpen, recordPersonKeyAgain } from "../etl/load/record-person-key.ts";
import { describePersonKey, personKeyStatus, type PersonKeyStatus } from "../indicators/compute/person-key.ts";

async function statusOf(warehouse: string): Promise<PersonKeyStatus> {
  let db: Database;
  try {
    db = await Database.open(warehouse, { readOnly: true });
  } catch (e) {
    throw new UserError(cannotOpen(warehouse, "", e), 1);
  }
  try {
    return await personKeyStatus(db);
  } finally {
    db.close();
  }
}

/**
 * `boussole person-key`: what the indicators' statements join persons on in a warehouse, and
 * `--record` to check the hash again with the running DuckDB (after an upgrade) without reloading.
 */
export function personKeyCommand(program: Command, setExit: (code: number) => void): void {
  program
    .command("person-key")
    .description(
      "Say what computing joins persons on in a warehouse (a hash of the pseudonym, or the pseudonym); --record checks the hash again with this DuckDB, e.g. after an upgrade, without reloading.",
    )
    .requiredOption("--warehouse <file>", "warehouse DuckDB file")
    .option("--record", "check again that the hash tells every person apart, and record it (the warehouse's data are unchanged)")
    .option("--memory-limit <size>", "DuckDB memory limit for the check (default: a quarter of the memory, 1GB to 8GB)")
    .option("--json", "print the status as JSON")
    .action(async (o: { warehouse: string; record?: boolean; memoryLimit?: string; json?: boolean }) => {
      if (!existsSync(o.warehouse)) throw new UserError(`warehouse not found: ${o.warehouse}`, 2);
      if (o.record) await recordPersonKeyAgain(o.warehouse, { memoryLimit: o.memoryLimit });
      const status = await statusOf(o.warehouse);
      process.stdout.write(o.json ? `${JSON.stringify(status, null, 2)}\n` : `${describePersonKey(status, o.warehouse)}\n`);
      setExit(0);
    });
}
