import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { detectDelimiter, readCsv, splitLine, type CsvDialect } from "./csv-reader.ts";

const dir = mkdtempSync(join(tmpdir(), "boussole-csv-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let fileNo = 0;
function write(content: string | Buffer): string {
  const path = join(dir, `f${fileNo++}.csv`);
  writeFileSync(path, content);
  return path;
}

async function read(path: string, keepReading = true) {
  const out = {
    header: null as string[] | null,
    dialect: null as CsvDialect | null,
    rows: [] as { fields: string[]; line: number }[],
    problems: [] as { rule: string; line: number }[],
    progress: [] as number[],
    result: { rows: 0, bytes: 0 },
    sha: "",
  };
  const hash = createHash("sha256");
  out.result = await readCsv(
    path,
    {
      header: (columns, dialect) => {
        out.header = columns;
        out.dialect = dialect;
        return keepReading;
      },
      row: (fields, line) => out.rows.push({ fields, line }),
      problem: (rule, line) => out.problems.push({ rule, line }),
      progress: (bytes) => out.progress.push(bytes),
    },
    hash,
  );
  out.sha = hash.digest("hex");
  return out;
}

describe("detectDelimiter", () => {
  it("picks the delimiter that splits the header into the most columns", () => {
    expect(detectDelimiter("a,b,c")).toBe(",");
    expect(detectDelimiter("a;b;c")).toBe(";");
    expect(detectDelimiter("a|b|c")).toBe("|");
    expect(detectDelimiter("a\tb\tc")).toBe("\t");
    expect(detectDelimiter("nom, prénom;age;ville")).toBe(";");
  });
  it("falls back to a comma, and a comma wins a tie", () => {
    expect(detectDelimiter("single")).toBe(",");
    expect(detectDelimiter("")).toBe(",");
    expect(detectDelimiter("a;b,c")).toBe(",");
  });
});

describe("splitLine", () => {
  it("splits plain lines, keeping empty fields", () => {
    expect(splitLine("a,b,c", ",")).toEqual(["a", "b", "c"]);
    expect(splitLine("a,,c,", ",")).toEqual(["a", "", "c", ""]);
    expect(splitLine("", ",")).toEqual([""]);
    expect(splitLine("a\tb", "\t")).toEqual(["a", "b"]);
  });
  it("handles quoted fields with delimiters and doubled quotes", () => {
    expect(splitLine('"a,b",c', ",")).toEqual(["a,b", "c"]);
    expect(splitLine('x;"say ""hi""";z', ";")).toEqual(["x", 'say "hi"', "z"]);
    expect(splitLine('"",b', ",")).toEqual(["", "b"]);
    expect(splitLine('a,""', ",")).toEqual(["a", ""]);
    expect(splitLine('"a",', ",")).toEqual(["a", ""]);
    expect(splitLine('""""', ",")).toEqual(['"']);
    expect(splitLine('"1;2";"3"', ";")).toEqual(["1;2", "3"]);
  });
  it("returns null for an unterminated quote or text after a closing quote", () => {
    expect(splitLine('a,"b', ",")).toBeNull();
    expect(splitLine('"a""', ",")).toBeNull();
    expect(splitLine('"a"b,c', ",")).toBeNull();
  });
});

describe("readCsv", () => {
  it("reports header, rows and exact line numbers, skipping blank lines", async () => {
    const r = await read(write("id;name\n1;a\n\n2;b\n3;c"));
    expect(r.header).toEqual(["id", "name"]);
    expect(r.dialect).toEqual({ delimiter: ";", bom: false });
    expect(r.rows).toEqual([
      { fields: ["1", "a"], line: 2 },
      { fields: ["2", "b"], line: 4 },
      { fields: ["3", "c"], line: 5 },
    ]);
    expect(r.result.rows).toBe(3);
    expect(r.problems).toEqual([]);
  });

  it("strips a BOM and CRLF line ends, and trims header names", async () => {
    const r = await read(write("\uFEFF id , name \r\n1,a\r\n2,b\r\n"));
    expect(r.dialect).toEqual({ delimiter: ",", bom: true });
    expect(r.header).toEqual(["id", "name"]);
    expect(r.rows.map((x) => x.fields)).toEqual([
      ["1", "a"],
      ["2", "b"],
    ]);
    // Excel's "CSV UTF-8": a BOM right before a quoted first column name.
    const quoted = await read(write('\uFEFF"id";"name"\r\n1;a\r\n'));
    expect(quoted.header).toEqual(["id", "name"]);
    expect(quoted.dialect).toEqual({ delimiter: ";", bom: true });
  });

  it("reports bytes that are not UTF-8 on their line and does not pass the row on", async () => {
    const path = write(Buffer.concat([Buffer.from("id,name\n1,ok\n2,caf"), Buffer.from([0xe9]), Buffer.from("\n3,café\n")]));
    const r = await read(path);
    expect(r.problems).toEqual([{ rule: "encoding.invalid-utf8", line: 3 }]);
    expect(r.rows).toEqual([
      { fields: ["1", "ok"], line: 2 },
      { fields: ["3", "café"], line: 4 },
    ]);
  });

  it("reports a character cut short at the very end of the file", async () => {
    const path = write(Buffer.concat([Buffer.from("id,name\n1,ok\n2,ab"), Buffer.from([0xe2, 0x82])]));
    const r = await read(path);
    expect(r.problems).toEqual([{ rule: "encoding.invalid-utf8", line: 3 }]);
    expect(r.rows.map((x) => x.line)).toEqual([2]);
  });

  it("reports an unterminated quote on its line", async () => {
    const r = await read(write('a,b\n1,"x\n2,y\n'));
    expect(r.problems).toEqual([{ rule: "row.unterminated-quote", line: 2 }]);
    expect(r.rows).toEqual([{ fields: ["2", "y"], line: 3 }]);
  });

  it("calls header with no columns for an empty file", async () => {
    const r = await read(write(""));
    expect(r.header).toEqual([]);
    expect(r.dialect).toEqual({ delimiter: ",", bom: false });
    expect(r.result).toEqual({ rows: 0, bytes: 0 });
  });

  it("stops reading rows when header returns false, but still hashes every byte", async () => {
    const content = "a,b\n1,2\n3,4\n";
    const r = await read(write(content), false);
    expect(r.rows).toEqual([]);
    expect(r.result).toEqual({ rows: 0, bytes: Buffer.byteLength(content) });
    expect(r.sha).toBe(createHash("sha256").update(content).digest("hex"));
  });
});

describe("readCsv across 1 MiB chunks", () => {
  const CHUNK = 1 << 20;

  /** Lines whose bytes put `straddle` so that it starts `offset` bytes before a chunk boundary. */
  function bigFile(straddle: string, offset: number, eol = "\n") {
    const lines = ["id,label"];
    let bytes = Buffer.byteLength(lines[0] + eol);
    let i = 1;
    while (bytes < CHUNK - 200) {
      const l = `${i},row ${i}`;
      lines.push(l);
      bytes += Buffer.byteLength(l + eol);
      i++;
    }
    const prefix = `${i},`;
    const pad = CHUNK - offset - bytes - Buffer.byteLength(prefix);
    lines.push(`${prefix}${"x".repeat(pad)}${straddle}tail`);
    i++;
    // A line longer than a chunk, full of 2-byte characters, crossing the next boundary.
    lines.push(`${i++},${"é".repeat(CHUNK / 2 + 1000)}`);
    lines.push(`${i++},"quoted, with comma"`);
    lines.push(`${i},last`);
    const content = lines.join(eol);
    const buffer = Buffer.from(content, "utf8");
    return { lines, buffer, path: write(buffer) };
  }

  for (const [straddle, offset] of [
    ["€", 1],
    ["€", 2],
    ["😀", 1],
    ["😀", 3],
    ["ü", 1],
  ] as const) {
    it(`decodes ${straddle} split ${offset} byte(s) before the boundary, with exact lines`, async () => {
      const { lines, buffer, path } = bigFile(straddle, offset);
      expect(buffer.length).toBeGreaterThan(2 * CHUNK);
      // The character really is cut by the boundary.
      const cut = buffer.subarray(CHUNK - offset, CHUNK - offset + Buffer.byteLength(straddle));
      expect(cut.toString("utf8")).toBe(straddle);
      expect(buffer[CHUNK] !== undefined && (buffer[CHUNK] & 0xc0) === 0x80).toBe(true);

      const r = await read(path);
      expect(r.problems).toEqual([]);
      expect(r.result).toEqual({ rows: lines.length - 1, bytes: buffer.length });
      expect(r.sha).toBe(createHash("sha256").update(buffer).digest("hex"));
      expect(r.progress.at(-1)).toBe(buffer.length);
      expect(r.progress.length).toBeGreaterThanOrEqual(3);
      const expected = lines.slice(1).map((l, k) => ({ fields: splitLine(l, ","), line: k + 2 }));
      expect(r.rows.length).toBe(expected.length);
      const mismatch = r.rows.findIndex((row, k) => JSON.stringify(row) !== JSON.stringify(expected[k]));
      expect(mismatch).toBe(-1);
      expect(r.rows.at(-3)?.fields[1]).toBe("é".repeat(CHUNK / 2 + 1000));
      expect(r.rows.at(-2)?.fields[1]).toBe("quoted, with comma");
    });
  }

  it("joins a CRLF cut between two chunks", async () => {
    // "\r" is the last byte of the first chunk, "\n" the first of the second.
    const { lines, buffer, path } = bigFile("", 5, "\r\n");
    const straddleLine = lines.findIndex((l) => l.endsWith("tail"));
    const end = Buffer.byteLength(lines.slice(0, straddleLine + 1).join("\r\n"));
    expect(end).toBe(CHUNK - 1);
    expect(buffer[end]).toBe(0x0d);
    expect(buffer[end + 1]).toBe(0x0a);
    const r = await read(path);
    expect(r.problems).toEqual([]);
    const row = r.rows.find((x) => x.line === straddleLine + 1);
    expect(row?.fields[1]?.endsWith("tail")).toBe(true);
    expect(r.rows.every((x) => !x.fields.some((f) => f.includes("\r")))).toBe(true);
    expect(r.rows.length).toBe(lines.length - 1);
  });

  it("after a refused header, reads no row but still hashes and counts every chunk", async () => {
    const { buffer, path } = bigFile("€", 1);
    const r = await read(path, false);
    expect(r.rows).toEqual([]);
    expect(r.problems).toEqual([]);
    expect(r.result).toEqual({ rows: 0, bytes: buffer.length });
    expect(r.sha).toBe(createHash("sha256").update(buffer).digest("hex"));
  });

  it("reports invalid bytes at a chunk boundary on the right line only", async () => {
    const { buffer } = bigFile("€", 1);
    const broken = Buffer.from(buffer);
    broken[CHUNK] = 0x41; // "€" loses its second byte: E2 41 AC
    const path = write(broken);
    const r = await read(path);
    const text = broken.subarray(0, CHUNK).toString("latin1");
    const line = text.split("\n").length; // the line holding byte CHUNK - 1
    expect(r.problems).toEqual([{ rule: "encoding.invalid-utf8", line }]);
    expect(r.rows.some((x) => x.line === line)).toBe(false);
    expect(r.rows.some((x) => x.line === line + 1)).toBe(true);
  });
});

describe("readCsv on hostile line shapes", () => {
  it("refuses a 50 MB line with no line break in linear time, naming its line", async () => {
    const path = write(Buffer.concat([Buffer.from("year,person_id\n2023,p1\n"), Buffer.alloc(50 << 20, "x".charCodeAt(0))]));
    const started = performance.now();
    const r = await read(path);
    const seconds = (performance.now() - started) / 1000;
    expect(r.problems).toEqual([{ rule: "row.too-long", line: 3 }]);
    expect(r.rows.map((x) => x.line)).toEqual([2]);
    expect(r.result.bytes).toBe((50 << 20) + 23);
    // Quadratic reading took minutes; linear takes well under a second per 50 MB.
    expect(seconds).toBeLessThan(15);
  });

  it("refuses an over-long line and goes on with the next one, line numbers kept", async () => {
    const path = write(`a,b\n1,2\n${"y".repeat((1 << 20) + 5)}\n3,4\n`);
    const r = await read(path);
    expect(r.problems).toEqual([{ rule: "row.too-long", line: 3 }]);
    expect(r.rows.map((x) => [x.line, x.fields])).toEqual([
      [2, ["1", "2"]],
      [4, ["3", "4"]],
    ]);
  });

  it("reports a file mixing CRLF and LF once, at the first line that differs", async () => {
    const r = await read(write("a,b\r\n1,2\r\n3,4\n5,6\r\n7,8\n"));
    expect(r.problems).toEqual([{ rule: "row.mixed-line-endings", line: 3 }]);
    expect((await read(write("a,b\r\n1,2\r\n3,4"))).problems).toEqual([]);
    expect((await read(write("a,b\n1,2\n3,4\n"))).problems).toEqual([]);
  });
});
