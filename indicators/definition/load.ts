/**
 * Reads indicator definitions from YAML and reports every problem with its file, line and
 * column: YAML syntax, the schema and its cross-field rules, and the checks that need the
 * file's place (id = file name, aim = folder) or the other files (duplicate ids, ratios of
 * unknown indicators). A definition is returned only when it has no problem at all.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { LineCounter, parseDocument } from "yaml";
import { closest } from "../../core/suggest.ts";
import { GENERIC, explainIssues, formatPath } from "./issues.ts";
import type { Path } from "./issues.ts";
import { locator } from "./locate.ts";
import type { Locate } from "./locate.ts";
import { sqlLocator } from "./locate-sql.ts";
import type { LocateSql } from "./locate-sql.ts";
import { definitionSchema } from "./schema.ts";
import type { Definition } from "./schema.ts";
import { AIMS } from "./vocabulary.ts";

export interface DefinitionProblem {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  /** `numerator.codes.atc[2]`; empty for the whole file. */
  path: string;
  message: string;
  /** For a misspelt key or value: the allowed one it is closest to. */
  suggestion?: string;
}

export interface ParsedDefinition {
  /** Only when there is no problem. */
  definition?: Definition;
  problems: DefinitionProblem[];
  /** The id written in the file, even when the definition is invalid. */
  id?: string;
  /** Where a path is written, for later checks (e.g. of `sql`) to report at the right line. */
  locate: Locate;
  /** Where a line of the `sql` query is written (see locate-sql.ts). */
  locateSql: LocateSql;
}

/** Where a valid definition was read from, for checks made after loading (`sql`). */
export interface DefinitionSource {
  file: string;
  locate: Locate;
  locateSql: LocateSql;
}

const EXTENSION = ".yaml";

/**
 * @param fileName the file's path, used in problems and to check the id against its name
 * @param options.folder the folder the file sits in, whose name must be the definition's aim
 */
export function parseDefinition(text: string, fileName: string, options: { folder?: string } = {}): ParsedDefinition {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const locate = locator(doc, lineCounter);
  const locateSql = sqlLocator(text, doc, lineCounter, locate);
  const problem = (p: Path, message: string, suggestion?: string, atKey = false): DefinitionProblem => ({
    file: fileName,
    ...locate(p, atKey),
    path: formatPath(p),
    message,
    ...(suggestion ? { suggestion } : {}),
  });

  const syntax = [...doc.errors, ...doc.warnings].map((e) => {
    const { line, col } = lineCounter.linePos(e.pos[0]);
    return { file: fileName, line, column: col, path: "", message: `YAML syntax: ${e.message}` };
  });
  if (syntax.length > 0) return { problems: sorted(syntax), locate, locateSql };

  let data: unknown;
  try {
    data = doc.toJS();
  } catch (e) {
    return { problems: [problem([], `YAML: ${(e as Error).message}`)], locate, locateSql };
  }
  if (data === null || data === undefined) return { problems: [problem([], "the file is empty")], locate, locateSql };

  const result = definitionSchema.safeParse(data, { reportInput: true, error: () => GENERIC });
  const problems = result.success ? [] : explainIssues(result.error.issues, definitionSchema, data).map((r) => problem(r.path, r.message, r.suggestion, r.atKey));

  const raw = typeof data === "object" && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  const id = typeof raw.id === "string" ? raw.id : undefined;
  const expectedId = path.basename(fileName).replace(/\.ya?ml$/i, "");
  if (id !== undefined && id !== expectedId) {
    problems.push(problem(["id"], `the id \`${id}\` differs from the file name \`${path.basename(fileName)}\`: they must be the same (rename the file to \`${id}${EXTENSION}\`, or correct the id)`));
  }
  const aim = raw.aim;
  if (options.folder !== undefined && typeof aim === "string" && (AIMS as readonly string[]).includes(aim) && aim !== options.folder) {
    problems.push(problem(["aim"], `the aim is \`${aim}\` but the file is in the folder \`${options.folder}\`: move it to \`${aim}/\`, or correct the aim`));
  }
  const definition = result.success && problems.length === 0 ? result.data : undefined;
  return { ...(definition ? { definition } : {}), problems: sorted(problems), ...(id !== undefined ? { id } : {}), locate, locateSql };
}

/**
 * Every definition under `dir`, laid out as `<aim>/<id>.yaml`; `sources` tells, by id, where
 * each valid definition was read from.
 */
export function loadDefinitions(dir: string): { definitions: Definition[]; problems: DefinitionProblem[]; sources: Map<string, DefinitionSource> } {
  const problems: DefinitionProblem[] = [];
  const whole = (file: string, message: string): DefinitionProblem => ({ file, line: 1, column: 1, path: "", message });
  let files: string[];
  try {
    files = yamlFiles(dir).sort();
  } catch (e) {
    return { definitions: [], problems: [whole(dir, `cannot read the folder of definitions: ${(e as Error).message}`)], sources: new Map() };
  }

  const parsed: (ParsedDefinition & { file: string })[] = [];
  const invalid = new Set<ParsedDefinition>();
  for (const rel of files) {
    const file = path.join(dir, rel);
    if (!rel.endsWith(EXTENSION)) {
      problems.push(whole(file, `definition files end in \`${EXTENSION}\`: rename it`));
      continue;
    }
    const parts = rel.split(path.sep);
    const misplaced = parts.length !== 2;
    if (misplaced) problems.push(whole(file, `put the file in a folder named after its aim (${AIMS.join(", ")}): <aim>/<id>${EXTENSION}`));
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (e) {
      problems.push(whole(file, `cannot read the file: ${(e as Error).message}`));
      continue;
    }
    const result = parseDefinition(text, file, misplaced ? {} : { folder: parts[0] });
    problems.push(...result.problems);
    const entry = { ...result, file };
    parsed.push(entry);
    if (misplaced) invalid.add(entry);
  }

  // Checks across files: an id is used once; a ratio refers to indicators that exist.
  const firstFile = new Map<string, string>();
  for (const p of parsed) {
    if (p.id === undefined) continue;
    const other = firstFile.get(p.id);
    if (other === undefined) firstFile.set(p.id, p.file);
    else {
      problems.push({ file: p.file, ...p.locate(["id"]), path: "id", message: `the id \`${p.id}\` is already used by ${other}` });
      invalid.add(p);
    }
  }
  const ids = [...firstFile.keys()];
  for (const p of parsed) {
    const ratio = p.definition?.["ratio-of"];
    for (const side of ["numerator", "denominator"] as const) {
      if (ratio && !firstFile.has(ratio[side])) {
        const suggestion = closest(ratio[side], ids);
        const message = `no definition has the id \`${ratio[side]}\`${suggestion ? `: did you mean \`${suggestion}\`?` : ""}`;
        problems.push({ file: p.file, ...p.locate(["ratio-of", side]), path: `ratio-of.${side}`, message, ...(suggestion ? { suggestion } : {}) });
        invalid.add(p);
      }
    }
  }

  const valid = parsed.filter((p) => p.definition && !invalid.has(p));
  const definitions = valid.map((p) => p.definition as Definition);
  const sources = new Map(valid.map((p) => [p.definition!.id, { file: p.file, locate: p.locate, locateSql: p.locateSql }]));
  return { definitions, problems: sorted(problems), sources };
}

/** YAML files below `dir`, as paths relative to it; hidden entries are skipped. */
function yamlFiles(dir: string, prefix = ""): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith(".")) return [];
    const rel = path.join(prefix, entry.name);
    if (entry.isDirectory()) return yamlFiles(dir, rel);
    return /\.ya?ml$/i.test(entry.name) ? [rel] : [];
  });
}

function sorted(problems: DefinitionProblem[]): DefinitionProblem[] {
  return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}
