import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { BELGIAN_CSV, csvRow, DATA_FILE_CSV, STANDARD_CSV, writeCsv } from "./csv.ts";

describe("the one CSV writer", () => {
  it("quotes what needs quoting (RFC 4180) and ends every line with CRLF", () => {
    expect(
      writeCsv(
        ["a", "b", "c"],
        [
          ['say "hi"', "x,y", "two\nlines"],
          [1.5, null, true],
        ],
      ),
    ).toBe('a,b,c\r\n"say ""hi""","x,y","two\nlines"\r\n1.5,,true\r\n');
  });

  it("disarms spreadsheet formulas in text, never in numbers", () => {
    const csv = writeCsv(["v"], [['=HYPERLINK("x")'], ["+1"], ["-cmd"], ["@SUM(A1)"], ["\tx"], ["\rx"], [-1.5], ["a=b"]]);
    const cells = Papa.parse<string[]>(csv.trim(), { newline: "\r\n" })
      .data.slice(1)
      .map((r) => r[0]);
    expect(cells).toEqual(['\'=HYPERLINK("x")', "'+1", "'-cmd", "'@SUM(A1)", "'\tx", "'\rx", "-1.5", "a=b"]);
  });

  it("writes the Belgian convention: semicolons, decimal commas, a BOM, and still opens in columns", () => {
    const csv = writeCsv(
      ["Zone", "Valeur"],
      [
        ["Liège; Verviers", 53.227232537577365],
        ["Eupen", -0.5],
        ["Sankt Vith", Number.NaN],
      ],
      BELGIAN_CSV,
    );
    expect(csv.startsWith("\uFEFFZone;Valeur\r\n")).toBe(true);
    expect(csv).toContain('"Liège; Verviers";53,227232537577365\r\n');
    expect(csv).toContain("Eupen;-0,5\r\n");
    const parsed = Papa.parse<string[]>(csv.slice(1).trim(), { delimiter: ";" });
    expect(parsed.data.every((r) => r.length === 2)).toBe(true);
  });

  it("writes no BOM in the standard style", () => {
    expect(writeCsv(["a"], [[1]], STANDARD_CSV)).toBe("a\r\n1\r\n");
  });

  it("writes one row at a time, and leaves data files' values exactly as they are", () => {
    expect(csvRow(["21004", "Bruxelles, Brussel", null, 4.35])).toBe('21004,"Bruxelles, Brussel",,4.35');
    expect(csvRow(["-4.3500", "=x"], DATA_FILE_CSV)).toBe("-4.3500,=x");
    expect(csvRow(["-4.3500"])).toBe("'-4.3500");
  });
});
