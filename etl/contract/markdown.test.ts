import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ExtractInfo } from "../validate/extract-info.ts";
import { fileKinds } from "../../contract/index.ts";
import { contractMarkdown, contractMarkdownWithExamples } from "./markdown.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const TINY = join(ROOT, "data-samples", "tiny");
const INVALID = join(ROOT, "data-samples", "invalid");
const DOC = join(ROOT, "docs", "extract-contract.md");

const generated = contractMarkdownWithExamples(TINY);

/** Rule ids listed in the "Rules and messages" table. */
function tableRules(markdown: string): Set<string> {
  const section = markdown.slice(markdown.indexOf("## Rules and messages"));
  return new Set([...section.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1] as string));
}

describe("extract contract document", () => {
  it("is committed exactly as the contract generates it", () => {
    const committed = readFileSync(DOC, "utf8");
    // A plain equality would print 500 lines of diff; say what to do instead.
    expect(committed === generated, "docs/extract-contract.md is out of date: run `npx boussole contract --out docs/extract-contract.md`").toBe(true);
  });

  it("names every file kind and every column", () => {
    for (const kind of fileKinds) {
      expect(generated).toContain(`### ${kind.title}`);
      expect(generated).toContain(`\`${kind.fileNameExample}\``);
      expect(generated).toContain(`Warehouse table \`${kind.id}\``);
      for (const c of kind.columns) for (const name of [c.name, ...(c.aliases ?? [])]) expect(generated, `${kind.id}.${name}`).toContain(`\`${name}\``);
    }
  });

  it("lists every rule that a fixture of data-samples/invalid breaks, with that fixture", () => {
    const rules = tableRules(generated);
    for (const dir of readdirSync(INVALID)) {
      const { rule } = JSON.parse(readFileSync(join(INVALID, dir, "expected.json"), "utf8")) as { rule: string };
      expect(rules.has(rule), `rule ${rule} of fixture ${dir}`).toBe(true);
      expect(generated).toMatch(new RegExp(`^\\| \`${rule.replaceAll(".", "\\.")}\` \\|.*\`${dir}\``, "m"));
    }
  });

  it("lists every rule the validator and the loader report", () => {
    const rules = tableRules(generated);
    for (const dir of ["validate", "load"]) {
      for (const file of readdirSync(join(ROOT, "etl", dir)).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))) {
        const source = readFileSync(join(ROOT, "etl", dir, file), "utf8");
        // Rule ids are the first argument of report.error/warning, callbacks.problem and new Invalid.
        for (const m of source.matchAll(/\b(?:error|warning|problem|Invalid)\(\s*"([a-z][a-z0-9-]*\.[a-z][a-z0-9-]*)"/g)) {
          expect(rules.has(m[1] as string), `rule ${m[1]} of etl/${dir}/${file} is missing from the rules table in etl/contract/markdown.ts`).toBe(true);
        }
      }
    }
    for (const kind of fileKinds) for (const r of kind.rowRules ?? []) expect(rules.has(r.id)).toBe(true);
    for (const id of ["code.unknown-municipality", "code.unknown-sector", "code.unknown-zone", "code.unknown-zone-system"]) expect(rules.has(id)).toBe(true);
  });

  it("describes every field of extract.json", () => {
    for (const field of Object.keys(ExtractInfo.shape)) expect(generated).toContain(`\`${field}\``);
  });

  it("is pure: the same text without examples, and examples cut to 3 lines without the BOM", () => {
    expect(contractMarkdown()).toBe(contractMarkdown());
    expect(contractMarkdown()).not.toContain("Example, the first lines");
    const text = contractMarkdown({ "zone_supply_2024.csv": "\uFEFFyear;zone_code\r\n2024;A\r\n2024;B\r\n2024;C\r\n" });
    expect(text).toContain("`zone_supply_2024.csv` (UTF-8 with BOM, semicolon-delimited)");
    expect(text).toContain("```text\nyear;zone_code\n2024;A\n2024;B\n```");
    expect(text).not.toContain("2024;C");
  });
});
