import { Command, CommanderError } from "commander";
import { UserError } from "../core/user-error.ts";
import { defaultMemoryLimit } from "../core/duckdb.ts";
import { sampleCommand } from "./sample-command.ts";
import { loadCommand, validateCommand } from "./load-command.ts";
import { startCommand } from "./start-command.ts";
import { contractCommand } from "./contract-command.ts";
import { indicatorsCommand } from "./indicators-command.ts";
import { publishCommand } from "./publish-command.ts";
import { serveCommand } from "./serve-command.ts";
import { usersCommand } from "./users-command.ts";
import { personKeyCommand } from "./person-key-command.ts";

export function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command("boussole").description("Population-management analytics for Belgian integrated care.").showHelpAfterError("(add --help for usage)").exitOverride();
  for (const register of [sampleCommand, validateCommand, loadCommand, startCommand, contractCommand, indicatorsCommand, publishCommand, serveCommand, usersCommand, personKeyCommand])
    register(program, setExit);
  return program;
}

/** Runs the CLI; returns the process exit code (0 ok, 1 the work failed, 2 bad usage). */
export async function main(argv: string[]): Promise<number> {
  let code = 0;
  const program = buildProgram((c) => (code = c));
  try {
    await program.parseAsync(argv);
    return code;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof UserError) {
      process.stderr.write(`boussole: ${e.message}\n`);
      return e.exitCode;
    }
    const message = (e as Error).message;
    if (/Out of Memory/i.test(message)) {
      process.stderr.write(
        `boussole: DuckDB reached its memory limit (${message.split("\n")[0]}). Nothing was replaced. Raise the limit above the default of ${defaultMemoryLimit()} with --memory-limit, e.g. --memory-limit ${Number.parseInt(defaultMemoryLimit()) * 2}GB.\n`,
      );
      return 1;
    }
    process.stderr.write(`boussole: unexpected error: ${message}\n`);
    if (process.env.BOUSSOLE_DEBUG) process.stderr.write(`${(e as Error).stack}\n`);
    return 1;
  }
}
