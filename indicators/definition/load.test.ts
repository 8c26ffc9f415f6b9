import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { loadDefinitions, parseDefinition } from "./load.ts";
import { AIMS } from "./vocabulary.ts";

const DEFINITIONS = fileURLToPath(new URL("../definitions", import.meta.url));
const shipped = (rel: string): string => readFileSync(path.join(DEFINITIONS, rel), "utf8");

describe("the definitions shipped under indicators/definitions", () => {
  const { definitions, problems } = loadDefinitions(DEFINITIONS);
  const files = AIMS.flatMap((aim) => {
    try {
      return readdirSync(path.join(DEFINITIONS, aim)).map((f) => `${aim}/${f}`);
    } catch {
      return [];
    }
  });

  it("all validate", () => {
    expect(problems).toEqual([]);
    expect(files.length).toBeGreaterThanOrEqual(3);
    expect(definitions).toHaveLength(files.length);
  });

  it.each(files)("%s validates on its own, its id and aim matching its place", (rel) => {
    const [folder, name] = rel.split("/") as [string, string];
    const result = parseDefinition(shipped(rel), rel, { folder });
    expect(result.problems).toEqual([]);
    expect(result.definition?.id).toBe(name.replace(/\.yaml$/, ""));
    expect(result.definition?.aim).toBe(folder);
  });

  it("include the examples the issue asks for", () => {
    const byId = new Map(definitions.map((d) => [d.id, d]));
    expect(byId.get("breast-cancer-screening")).toMatchObject({ population: { sex: "F", age: [50, 69] }, numerator: { codes: { nomenclature: ["990210", "990220"] }, "window-years": 2 } });
    expect(byId.get("polypharmacy-75")).toMatchObject({ population: { age: [75, 120] }, numerator: { kind: "medicines", "min-ddd-per-medicine": 80, "min-distinct": 5 } });
    expect(byId.get("flu-vaccination-65")?.caveats?.en).toMatch(/care home/);
    expect(byId.get("flu-vaccination-65")?.numerator).toMatchObject({ source: "pharmacy_delivery", codes: { atc: ["J07BB"] } });
  });
});

describe("loadDefinitions: checks across files", () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** A temporary tree with the given files (relative path → text). */
  function tree(files: Record<string, string>): string {
    dir = mkdtempSync(path.join(tmpdir(), "boussole-definitions-"));
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      writeFileSync(path.join(dir, rel), text);
    }
    return dir;
  }
  const polypharmacy = shipped("value/polypharmacy-75.yaml");

  it("reports an aim that differs from the folder, and a duplicate id", () => {
    const root = tree({ "value/polypharmacy-75.yaml": polypharmacy, "population-health/polypharmacy-75.yaml": polypharmacy });
    const { definitions, problems } = loadDefinitions(root);
    // The first file (in path order) keeps the id, but its aim is wrong: neither is returned.
    expect(definitions).toEqual([]);
    expect(problems).toEqual([
      expect.objectContaining({
        file: path.join(root, "population-health/polypharmacy-75.yaml"),
        line: 3,
        column: 6,
        path: "aim",
        message: expect.stringMatching(/the aim is `value` but the file is in the folder `population-health`/),
      }),
      expect.objectContaining({ file: path.join(root, "value/polypharmacy-75.yaml"), line: 1, column: 5, path: "id", message: expect.stringMatching(/already used by .*population-health/) }),
    ]);
  });

  it("reports files outside an aim folder and files named .yml", () => {
    const root = tree({ "polypharmacy-75.yaml": polypharmacy, "value/other.yml": polypharmacy, "value/README.md": "# notes" });
    const { definitions, problems } = loadDefinitions(root);
    expect(definitions).toEqual([]);
    expect(problems.map((p) => [path.relative(root, p.file), p.line, p.message])).toEqual([
      ["polypharmacy-75.yaml", 1, expect.stringMatching(/put the file in a folder named after its aim/)],
      ["value/other.yml", 1, expect.stringMatching(/end in `\.yaml`/)],
    ]);
  });

  it("reports a ratio of an indicator that does not exist, with a suggestion", () => {
    const ratio = shipped("equity/gp-contact-bim-ratio.yaml").replace("denominator: gp-contact-non-bim", "denominator: gp-contact-nonbim");
    const root = tree({
      "equity/gp-contact-bim.yaml": shipped("equity/gp-contact-bim.yaml"),
      "equity/gp-contact-non-bim.yaml": shipped("equity/gp-contact-non-bim.yaml"),
      "equity/gp-contact-bim-ratio.yaml": ratio,
    });
    const { definitions, problems } = loadDefinitions(root);
    expect(definitions.map((d) => d.id).sort()).toEqual(["gp-contact-bim", "gp-contact-non-bim"]);
    const line = ratio.split("\n").findIndex((l) => l.includes("gp-contact-nonbim")) + 1;
    expect(problems).toEqual([
      {
        file: path.join(root, "equity/gp-contact-bim-ratio.yaml"),
        line,
        column: 16,
        path: "ratio-of.denominator",
        message: "no definition has the id `gp-contact-nonbim`: did you mean `gp-contact-non-bim`?",
        suggestion: "gp-contact-non-bim",
      },
    ]);
  });

  it("reports a folder that does not exist", () => {
    const { problems } = loadDefinitions(path.join(tmpdir(), "no-such-boussole-folder"));
    expect(problems[0]?.message).toMatch(/cannot read the folder/);
    dir = mkdtempSync(path.join(tmpdir(), "boussole-definitions-"));
  });
});
