import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { contractMarkdownWithExamples } from "../etl/contract/markdown.ts";

/** The repository root (this file is cli/), where the tiny example extract lives. */
const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const TINY_EXTRACT = join(ROOT, "data-samples", "tiny");

export function contractCommand(program: Command): void {
  program
    .command("contract")
    .description("Write the extract contract for data holders as Markdown, generated from the contract itself.")
    .option("--out <file>", "file to write (default: print to standard output)")
    .action((o: { out?: string }) => {
      const markdown = contractMarkdownWithExamples(TINY_EXTRACT);
      if (o.out === undefined) {
        process.stdout.write(markdown);
        return;
      }
      mkdirSync(dirname(o.out), { recursive: true });
      writeFileSync(o.out, markdown);
      process.stderr.write(`wrote ${o.out}\n`);
    });
}
