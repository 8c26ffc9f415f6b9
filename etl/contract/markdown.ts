import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync } from "node:fs";
import { join } from "node:path";
import { detectDelimiter } from "../validate/csv-reader.ts";
import { EXTRACT_INFO_FILE } from "../validate/extract-info.ts";
import { describeType } from "../../contract/column.ts";
import type { ColumnSpec } from "../../contract/column.ts";
import type { FileKind, ReferenceName } from "../../contract/file-kind.ts";
import { boundaryFilePattern, fileKinds } from "../../contract/index.ts";

/**
 * The extract contract for data holders, written from the contract itself so that the
 * document cannot drift from what the validator checks. docs/extract-contract.md is its output.
 */

const GROUPS: { group: FileKind["group"]; title: string; intro: string }[] = [
  { group: "geography", title: "Geography", intro: "The reference every other file is checked against: municipalities, statistical sectors and the zone systems built from them. It is read first." },
  {
    group: "person-level",
    title: "Person-level IMA-AIM files",
    intro: "Pseudonymised rows per person, per service, per delivery or per stay. Only the columns below are allowed, so that no identifier slips in.",
  },
  { group: "statbel", title: "Statbel", intro: "Open Statbel tables, as downloaded. Columns not listed here are accepted and ignored." },
  { group: "zone-aggregate", title: "Zone-level aggregates", intro: "Figures already aggregated per zone of a zone system elsewhere." },
];

/** Which geography file fills each reference set. */
const REFERENCE_SOURCE: Record<ReferenceName, { words: string; kind: string }> = {
  municipality: { words: "a municipality", kind: "geo_municipality" },
  sector: { words: "a statistical sector", kind: "geo_sector" },
  zone: { words: "a zone", kind: "geo_zone" },
  zoneSystem: { words: "a zone system", kind: "geo_zone_system" },
};

/** The rule id the row checker reports for a code missing from a reference set. */
const referenceRule = (ref: ReferenceName) => `code.unknown-${ref === "zoneSystem" ? "zone-system" : ref}`;

/** Every rule the validator and the loader report, in the order they are met. */
const RULES: readonly (readonly [id: string, severity: string, meaning: string])[] = [
  ["file.missing", "error", "A required file kind has no file (a warning only for the boundaries file: maps are then not drawn)."],
  ["file.unknown", "warning", "A file name matches no file kind: the file is ignored."],
  ["file.empty", "error", "The file has no header line."],
  ["encoding.invalid-utf8", "error", "The line holds bytes that are not UTF-8 (often a file saved as Latin-1 or Windows-1252)."],
  ["row.unterminated-quote", "error", "A quoted field is not closed on its line (line breaks inside fields are not allowed)."],
  ["row.ragged", "error", "The row has more or fewer fields than the header."],
  ["row.too-long", "error", "A line longer than 1,048,576 characters (often a file without line breaks): refused, and reading goes on at the next line."],
  ["row.mixed-line-endings", "error", "Some lines end with LF and others with CRLF: save the file with one kind of line ending. Reported once per file."],
  ["file.not-regular", "error", "A symbolic link, named pipe, socket or device in the extract folder: only regular files are read."],
  ["file.corrupt-parquet", "error", "A Parquet file that cannot be read (truncated or corrupt); the row reached is given."],
  ["file.unreadable", "error", "A file of the extract cannot be opened."],
  ["load.row-count", "error", "The load read a different number of rows than the checks did: nothing is written."],
  ["file.changed", "error", "A file of the extract was written to while it was checked and loaded (its size or modification time moved): nothing is written."],
  ["header.missing-column", "error", "A required column is absent from the header; a close unknown name is suggested as the likely misspelling."],
  ["header.unknown-column", "error", "A column outside the contract, in a file that refuses unknown columns."],
  ["header.duplicate-column", "error", "The same column name appears twice in the header (names compare case-insensitively)."],
  ["value.required", "error", "A required column is empty on this row."],
  ["value.type", "error", "The value is not of the column's type: not an integer, not a number, or not a real date written YYYY-MM-DD."],
  ["value.decimal-comma", "error", "A number written with a decimal comma: write a point (12.5, not 12,5)."],
  ["value.range", "error", "A number outside its range, a date in the future or before 1880, or a text longer than allowed."],
  ["value.enum", "error", "The value is not one of the allowed codes (flags: 0 or 1); a close code is suggested."],
  ["value.control-character", "error", "A text (a name) holds an invisible control character (NUL, ESC…) or a text-direction override: it would print wrongly or reorder text on screen."],
  ["value.pattern", "error", "A code that does not have the required form (e.g. 5 digits for a REFNIS code)."],
  ["code.unknown-municipality", "error", "The municipality code is not in geo_municipalities for the geography vintage."],
  ["code.unknown-sector", "error", "The statistical sector code is not in geo_sectors for the geography vintage."],
  ["code.unknown-zone", "error", "The zone code is not in geo_zones."],
  ["code.unknown-zone-system", "error", "The zone system code is not in geo_zone_systems."],
  ["code.sector-required", "error", "The municipality is split between zones by sector, so sector_code may not be empty."],
  ["code.sector-mismatch", "error", "The statistical sector does not belong to the row's municipality."],
  ["key.duplicate", "error", "Two rows share the key of their file kind (reported on the second and later rows)."],
  [
    "identifier.national-register-number",
    "error",
    "A column holds values that pass the national register number (NISS/INSZ) check: remove it or replace it with a pseudonym. Reported once per column; the value is masked.",
  ],
  ["birth-year.after-year", "error", "The birth year is after the year of the situation."],
  ["death-date.outside-year", "error", "The death date is not in the year of the situation, or is before the birth year."],
  ["stay.discharge-before-admission", "error", "The discharge date is before the admission date."],
  ["geo.no-municipality", "error", "geo_municipalities has no municipality for the geography vintage."],
  [
    "geo.member-vintage",
    "error",
    "A zone member's municipality is not valid in the vintage of its zone system (geo_zone_systems.vintage): a code made by the mergers of 1 January 2025 in a system of an earlier vintage, a code those mergers ended in a system of 2025 or later, or a code missing from the extract's municipalities of the vintage the system uses.",
  ],
  ["geo.overlapping-zones", "error", "A municipality or sector is in two zones of the same zone system."],
  [
    "geo.uncovered-municipality",
    "warning",
    "A zone system of one region (Brussels' bassins, Wallonia's OLS) leaves municipalities of that region in none of its zones: its zone figures leave them out. One warning per system (a regional system may be partial on purpose).",
  ],
  ["geo.empty-zone", "error", "A zone of geo_zones has no member in geo_zone_members."],
  ["geo.split-and-whole", "error", "In one zone system a municipality is a member both whole and by sector."],
  ["geo.incomplete-split", "error", "A municipality split by sector in a zone system has sectors that are in no zone of it."],
  ["person.alive-after-death", "error", "A person is in the population of a year after the year of their death date."],
  ["event.after-death", "warning", "A care event (service, delivery, stay) is dated after the person's death date: loaded, and counted in the report (claims are sometimes dated after a death)."],
  ["person.unknown", "error", "An event (service, delivery, stay) of a person who is not in the population file for the year of its date."],
  ["boundaries.several-files", "error", "More than one file matches geo_boundaries*: an extract holds one boundaries file (merge zone, sector and municipality features into it)."],
  ["boundaries.json", "error", "The boundaries file is not valid JSON."],
  ["boundaries.format", "error", "The boundaries file is neither a GeoJSON FeatureCollection nor a TopoJSON Topology."],
  ["boundaries.level", "error", "A feature's properties.level is not municipality, sector or zone."],
  ["boundaries.unknown-code", "error", "A feature's properties.code is not in the geography at its level."],
  ["boundaries.geometry", "error", "A geometry that is not a Polygon or MultiPolygon, or whose coordinates are not numbers, or a ring with fewer than 4 positions or not closed."],
  ["boundaries.self-crossing", "warning", "A ring crosses itself: loaded (real boundaries have such slivers), but a point near the crossing may be placed in the wrong area."],
  ["boundaries.topojson-arcs", "error", "A TopoJSON geometry refers to an arc the topology does not have."],
  ["boundaries.crs", "error", "Coordinates look projected (Belgian Lambert 72, EPSG:31370): convert to WGS84 longitude/latitude."],
  ["boundaries.outside-belgium", "error", "Coordinates outside Belgium (often latitude and longitude swapped)."],
  ["boundaries.missing", "warning", "Municipalities with no boundary: maps leave them blank."],
  ["extract-info.json", "error", `${EXTRACT_INFO_FILE} is not valid JSON.`],
  ["extract-info.field", "error", `A field of ${EXTRACT_INFO_FILE} is missing or of the wrong type.`],
];

const cell = (text: string) => text.replaceAll("|", "\\|").replaceAll("\n", " ");
const code = (text: string) => `\`${text}\``;
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
const list = (names: readonly string[]) => names.map(code).join(" + ");
const DELIMITER_WORDS: Record<string, string> = { ",": "comma", ";": "semicolon", "|": "pipe", "\t": "tab" };

function intro(): string[] {
  return [
    "# Boussole extract contract",
    "",
    "_Generated from the contract in `contract/` by `boussole contract`: do not edit by hand._",
    "",
    "This document is for the data holders who prepare an extract for Boussole. Every rule below is checked on every row by `boussole validate <dir>` and again by `boussole load`.",
    "",
    "## The extract",
    "",
    "An extract is **one directory of files**. Each file's kind is recognised by its name (case-insensitive patterns below); a kind may have several files, e.g. one per year (`ima_healthcare_2023.csv`, `ima_healthcare_2024.csv`). Sub-directories, hidden files and `README*`, `LICENSE*` and `NOTICE*` files are skipped; any other unrecognised file is reported (`file.unknown`) and ignored. Only regular files are read: symbolic links, named pipes and devices are refused (`file.not-regular`). Each file is opened once and held open (on Linux; elsewhere copied once into a private folder beside the warehouse): the checks, its SHA-256 and the load all read that one open file, a file written to meanwhile is refused (`file.changed`), and the rows loaded are counted against the rows checked, so what is loaded is what was checked.",
    "",
    "**CSV files** (`.csv` or `.txt`):",
    "",
    "- encoded in UTF-8, with or without a byte-order mark (BOM);",
    "- the first line is the header; the delimiter — comma `,`, semicolon `;`, pipe `|` or tab — is the one that splits the header into the most columns;",
    "- column names are matched case-insensitively, spaces around them are ignored; their order does not matter;",
    '- quotes as in RFC 4180 (`"a, b"`, and `""` for a quote inside a quoted field), but **no line breaks inside fields**;',
    "- an empty field is a missing value; empty lines are skipped; lines may end with LF or CRLF;",
    "- numbers use a decimal **point**, never a comma, and no thousands separator; dates are written `YYYY-MM-DD`; flags are `0` or `1`.",
    "",
    "**Parquet files** (`.parquet`) hold the same column names; each value is checked as the text a CSV would hold (booleans as `1`/`0`, dates as `YYYY-MM-DD`). Line numbers in messages are then the row number + 1, as if the data had been saved as CSV with a header.",
    "",
    "**Geography vintage.** Municipalities and sectors carry a `vintage` (the year of the reference: 2025 after the municipal mergers of 1 January 2025); a file may hold several. Codes in the other files are checked against the latest vintage in `geo_municipalities`, or the one given with `--vintage`. A zone system carries a vintage too (the year from which its membership holds): each member must be a municipality valid in that year, by the mergers of 1 January 2025 (a 2019 system cannot name 44086 Nazareth-De Pinte, a 2025 system cannot name 44012 De Pinte) and by the extract's own municipalities of that vintage (`geo.member-vintage`). **An extract may omit the geography files**: Boussole's shipped reference geography of the vintage (`--vintage`, default 2025) stands in — real municipalities, zone systems and boundaries (see `geography/README.md`); zone files in the extract replace the reference's zone systems.",
    "",
    "**Unknown columns.** Person-level files (and every other non-Statbel file) refuse columns that are not in the contract, so that no identifier slips in. Statbel files ignore them.",
    "",
    "**National register numbers are refused everywhere.** Any field of any file, in any column (even an ignored one), that holds a Belgian national register number (NISS/INSZ: 11 digits, possibly with spaces, dots, dashes or slashes) is refused. A value counts as one when its last two digits equal 97 − (first 9 digits mod 97), or the same with a `2` put in front of the 9 digits (births from 2000). The error (`identifier.national-register-number`) is given once per column, with the number of such values and the first line, and never repeats the value: only its first 4 characters are shown. Pseudonyms must therefore never be 11-digit numbers, even random ones: about 2 in 97 of those pass the test by chance.",
    "",
    "**What a load does.** `boussole load <dir> --warehouse <file>` first reads every file once and checks every row. If there is any error, nothing is written and the previous warehouse is left as it was. Otherwise the files are loaded into a new DuckDB file beside the old one; checks that need all rows at once (duplicate keys of large files, events of persons missing from the population) run there, and only when they pass is the new file renamed over the old one, atomically. Every row carries the `batch_id` of its load (load time + a hash of the files' contents). Table `load_file` records each file's name, kind, format, SHA-256 hash, size and row count; table `load_batch` records the source directory, vintage, start and finish times, tool version, file and row counts, and the producer and synthetic flag of `extract.json`; table `load_year` the rows of each table per year (and per survey), from which computing indicators knows the years each source covers without scanning it; table `load_person_key` whether a 64-bit hash of the pseudonyms tells every person of the population apart, in which case computing indicators joins persons on that integer rather than on the text (the same figures, faster), with the DuckDB version that hashed (after an upgrade, `boussole person-key --record --warehouse <file>` checks it again without reloading).",
    "",
    `**\`${EXTRACT_INFO_FILE}\`** (optional) describes the extract: \`producer\` (text, 1–200 characters, required), \`synthetic\` (true or false, required: the dashboard labels synthetic data as such) and \`description\` (text up to 2000 characters, optional). Example:`,
    "",
    "```json",
    `{ "producer": "IMA-AIM, extract 2025-03", "synthetic": false, "description": "Population and care 2019-2024, Brussels bassins" }`,
    "```",
    "",
    "## Messages",
    "",
    'Each problem is reported on one line, `file:line:column: error [rule] message (value "…")`, for instance:',
    "",
    "```text",
    `ima_population.csv:5:sex: error [value.enum] sex must be one of M, F (value "X")`,
    "```",
    "",
    "Line, column and value are left out when they do not apply. At most 20 problems of one rule in one file are listed in full; the rest are counted. A summary follows, with the number of errors and warnings per rule and file. The command exits with code 1 when there is any error (warnings alone do not fail), and 2 on a usage mistake; `--json` prints the same report as JSON. The checks that run in the database are skipped, with a note, while any row error remains. Every rule is listed in [Rules and messages](#rules-and-messages).",
    "",
  ];
}

function columnRow(c: ColumnSpec): string {
  const name = [code(c.name), ...(c.aliases ?? []).map((a) => `(also ${code(a)})`)].join(" ");
  const example = c.example === "" ? "_(empty)_" : code(c.example);
  return `| ${[name, c.required ? "yes" : "no", describeType(c.type), c.unit ?? "", c.codeSystem ?? "", c.description, example].map(cell).join(" | ")} |`;
}

function exampleBlock(name: string, text: string): string[] {
  const bom = text.charCodeAt(0) === 0xfeff;
  const lines = (bom ? text.slice(1) : text)
    .split("\n")
    .slice(0, 3)
    .map((l) => l.replace(/\r$/, ""));
  const delimiter = DELIMITER_WORDS[detectDelimiter(lines[0] ?? "")] ?? "comma";
  return [`Example, the first lines of ${code(name)} (UTF-8${bom ? " with BOM" : ""}, ${delimiter}-delimited):`, "", "```text", ...lines, "```", ""];
}

function kindSection(kind: FileKind, examples: Record<string, string>): string[] {
  const out = [`### ${kind.title}`, ""];
  out.push(`File name like ${code(kind.fileNameExample)}, matching ${code(kind.filePattern.source)} (case-insensitive). ${kind.required ? "**Required**: at least one such file." : "Optional."}`, "");
  out.push(kind.description, "");
  if (kind.key) out.push(`Key: ${list(kind.key)}: no two rows may share it (${kind.keyCheck === "database" ? "checked in the database once every row passes" : "checked while reading"}).`, "");
  out.push("| column | required | type | unit | code system | description | example |", "|---|---|---|---|---|---|---|");
  out.push(...kind.columns.map(columnRow), "");
  const notes: string[] = [];
  for (const [column, ref] of Object.entries(kind.references ?? {})) {
    const source = fileKinds.find((k) => k.id === REFERENCE_SOURCE[ref].kind);
    notes.push(`${code(column)} must be ${REFERENCE_SOURCE[ref].words} of ${code(source?.fileNameExample ?? ref)} (rule ${code(referenceRule(ref))}).`);
  }
  for (const rule of kind.rowRules ?? []) notes.push(`Row rule ${code(rule.id)} on ${code(rule.column)}: ${lowerFirst(meaning(rule.id))}`);
  if (kind.personLink) notes.push(`Each row's ${code("person_id")} must be in the population file for the year of ${code(kind.personLink.dateColumn)} (rule ${code("person.unknown")}).`);
  notes.push(kind.unknownColumns === "refuse" ? "Columns not listed above are refused." : "Columns not listed above are ignored (but still checked for national register numbers).");
  const renamed = kind.columns.filter((c) => c.storedAs && c.storedAs !== c.name).map((c) => `${code(c.name)} → ${code(c.storedAs as string)}`);
  notes.push(`Warehouse table ${code(kind.id)}${renamed.length ? `, where columns are stored as ${renamed.join(", ")}` : ""}.`);
  out.push(...notes.map((n) => `- ${n}`), "");
  for (const name of Object.keys(examples).sort()) if (kind.filePattern.test(name)) out.push(...exampleBlock(name, examples[name] as string));
  return out;
}

function boundariesSection(): string[] {
  return [
    "### Boundaries (optional)",
    "",
    `File name like ${code("geo_boundaries.geojson")}, matching ${code(boundaryFilePattern.source)} (case-insensitive). Optional: without it the dashboard draws no maps (warning \`file.missing\`).`,
    "",
    "- A GeoJSON `FeatureCollection`, or a TopoJSON `Topology` (every object of it is read).",
    "- Coordinates in WGS84, **longitude then latitude**, in degrees, within Belgium (longitude 2 to 7, latitude 49 to 52). Projected coordinates (Belgian Lambert 72, EPSG:31370) are refused with a message asking to convert them.",
    "- Each feature has `properties.level` — `municipality`, `sector` or `zone` — and `properties.code`, a code of that level in the geography files.",
    "- Each geometry is a `Polygon` or a `MultiPolygon`.",
    "- Municipalities without a boundary are reported as a warning: maps leave them blank.",
    "- Stored in the warehouse table `geo_boundary` (level, code, geometry as JSON).",
    "",
    "Example:",
    "",
    "```json",
    `{"type": "FeatureCollection", "features": [`,
    `  {"type": "Feature", "properties": {"level": "municipality", "code": "21004"},`,
    `   "geometry": {"type": "Polygon", "coordinates": [[[4.33, 50.83], [4.37, 50.83], [4.37, 50.87], [4.33, 50.87], [4.33, 50.83]]]}}`,
    "]}",
    "```",
    "",
  ];
}

/** Rules of the table above plus any the contract declares that the table lacks, so none is missing. */
function allRules(): (readonly [string, string, string])[] {
  const rules = [...RULES];
  const known = new Set(rules.map((r) => r[0]));
  const add = (id: string, meaning: string) => {
    if (!known.has(id)) rules.push([id, "error", meaning]);
    known.add(id);
  };
  for (const kind of fileKinds) {
    for (const rule of kind.rowRules ?? []) add(rule.id, `Row rule of ${kind.title}, on ${rule.column}.`);
    for (const ref of Object.values(kind.references ?? {})) add(referenceRule(ref), `The code is not ${REFERENCE_SOURCE[ref].words} of the geography.`);
  }
  return rules;
}

function meaning(id: string): string {
  return allRules().find((r) => r[0] === id)?.[2] ?? "";
}

function rulesSection(fixtures: Record<string, readonly string[]>): string[] {
  const rows = allRules().map(([id, severity, text]) => `| ${code(id)} | ${severity} | ${cell(text)} | ${(fixtures[id] ?? []).map(code).join(", ")} |`);
  return [
    "## Rules and messages",
    "",
    "Every rule the validator reports. The last column names example extracts in `data-samples/invalid/`: each is the tiny valid extract of `data-samples/tiny/` with one file changed so that it breaks the rule.",
    "",
    "| rule | severity | meaning | example fixture |",
    "|---|---|---|---|",
    ...rows,
    "",
  ];
}

/**
 * The contract as Markdown. Pure: `examples` maps file names to their text (only the first
 * 3 lines are shown) and `fixtures` maps rule ids to example fixture directories.
 */
export function contractMarkdown(examples: Record<string, string> = {}, fixtures: Record<string, readonly string[]> = {}): string {
  const out = intro();
  for (const g of GROUPS) {
    out.push(`## ${g.title}`, "", g.intro, "");
    for (const kind of fileKinds.filter((k) => k.group === g.group)) out.push(...kindSection(kind, examples));
    if (g.group === "geography") out.push(...boundariesSection());
  }
  out.push(...rulesSection(fixtures));
  return `${out.join("\n").trimEnd()}\n`;
}

/** The beginning of a file, without reading all of it (an example directory may hold a real extract). */
function head(path: string, bytes = 16_384): string {
  const fd = openSync(path, "r");
  try {
    const buffer = Buffer.alloc(bytes);
    const size = readSync(fd, buffer, 0, bytes, 0);
    return buffer.subarray(0, size).toString("utf8").split("\n").slice(0, 3).join("\n");
  } finally {
    closeSync(fd);
  }
}

/** The contract with examples read from an extract directory and fixtures from the invalid cases beside it. */
export function contractMarkdownWithExamples(exampleDir: string, invalidDir = join(exampleDir, "..", "invalid")): string {
  const examples: Record<string, string> = {};
  for (const name of readdirSync(exampleDir).sort()) {
    if (/\.(csv|txt)$/i.test(name) && fileKinds.some((k) => k.filePattern.test(name))) examples[name] = head(join(exampleDir, name));
  }
  const fixtures: Record<string, string[]> = {};
  if (existsSync(invalidDir)) {
    for (const name of readdirSync(invalidDir).sort()) {
      const expected = join(invalidDir, name, "expected.json");
      if (!existsSync(expected)) continue;
      const { rule } = JSON.parse(readFileSync(expected, "utf8")) as { rule: string };
      (fixtures[rule] ??= []).push(name);
    }
  }
  return contractMarkdown(examples, fixtures);
}
