import { describe, expect, it } from "vitest";
import { code, date, decimal, flag, int, oneOf, text, type ColumnSpec, type ColumnType } from "../../contract/column.ts";
import { compileValueCheck, Invalid } from "./value-check.ts";

const TODAY = new Date(Date.UTC(2025, 5, 15, 12)); // 2025-06-15
const spec = (type: ColumnType, required = false, name = "col"): ColumnSpec => ({ name, type, required, description: "", example: "" });
const check = (type: ColumnType, required = false) => compileValueCheck(spec(type, required), TODAY);
const ruleOf = (v: unknown) => (v instanceof Invalid ? v.rule : "ok");

describe("required and empty values", () => {
  const types: ColumnType[] = [int(0, 10), decimal(0, 1), date, flag, oneOf("a", "b"), code(/^\d+$/, "digits"), text(5)];
  it("an empty optional value is null, an empty required value is value.required", () => {
    for (const t of types) {
      expect(check(t, false)(""), t.kind).toBeNull();
      const r = compileValueCheck(spec(t, true, "birth_year"), TODAY)("");
      expect(r, t.kind).toBeInstanceOf(Invalid);
      expect((r as Invalid).rule).toBe("value.required");
      expect((r as Invalid).message).toContain("birth_year");
    }
  });
});

describe("int", () => {
  it("parses integers within bounds and refuses the rest", () => {
    const c = check(int(0, 120));
    expect(c("0")).toBe(0);
    expect(c("120")).toBe(120);
    expect(c("67")).toBe(67);
    expect(ruleOf(c("121"))).toBe("value.range");
    expect(ruleOf(c("-1"))).toBe("value.range");
    for (const bad of ["1.5", "1,0", "abc", " 5", "5 ", "+5", "1e3", "-"]) expect(ruleOf(c(bad)), bad).toBe("value.type");
  });
  it("accepts negatives when no minimum is set", () => {
    const c = check(int(undefined, 10));
    expect(c("-40")).toBe(-40);
    expect(ruleOf(c("11"))).toBe("value.range");
  });
  it("'current-year' is the year of today, in the message too", () => {
    const c = check(int(1880, "current-year"));
    expect(c("2025")).toBe(2025);
    const r = c("2026");
    expect(ruleOf(r)).toBe("value.range");
    expect((r as Invalid).message).toContain("2025");
    expect((r as Invalid).message).toContain("this year");
    expect(ruleOf(c("1879"))).toBe("value.range");
    expect(compileValueCheck(spec(int(1880, "current-year")), new Date(Date.UTC(2026, 0, 1)))("2026")).toBe(2026);
  });
});

describe("decimal", () => {
  it("parses point decimals within bounds", () => {
    const c = check(decimal(0, 100));
    expect(c("12.5")).toBe(12.5);
    expect(c("0")).toBe(0);
    expect(c("100.0")).toBe(100);
    expect(ruleOf(c("100.01"))).toBe("value.range");
    expect(ruleOf(c("-0.1"))).toBe("value.range");
    for (const bad of [".5", "5.", "1e2", "abc", "1.2.3", "NaN"]) expect(ruleOf(c(bad)), bad).toBe("value.type");
  });
  it("names a decimal comma as its own rule", () => {
    const c = check(decimal());
    expect(ruleOf(c("12,5"))).toBe("value.decimal-comma");
    expect(ruleOf(c("-0,25"))).toBe("value.decimal-comma");
    expect(ruleOf(c("12,"))).toBe("value.type");
    expect(ruleOf(c("1,2,3"))).toBe("value.type");
  });
  it("reads the suppressed marker as null, only in columns that declare one", () => {
    expect(check(decimal(0, 1, "s"))("s")).toBeNull();
    expect(check(decimal(0, 1, "s"), true)("s")).toBeNull();
    expect(ruleOf(check(decimal(0, 1))("s"))).toBe("value.type");
    expect(ruleOf(check(decimal(0, 1, "s"))("S"))).toBe("value.type");
  });
});

describe("date", () => {
  it("accepts real calendar dates, including leap days", () => {
    const c = check(date);
    for (const ok of ["2024-02-29", "2000-02-29", "2023-02-28", "2023-12-31", "2023-01-31", "2023-04-30", "1880-01-01", "2025-06-15"]) expect(c(ok), ok).toBe(ok);
  });
  it("refuses impossible dates", () => {
    const c = check(date);
    for (const bad of ["2023-02-29", "1900-02-29", "2100-02-29", "2023-04-31", "2023-13-01", "2023-00-10", "2023-01-00", "2023-01-32"]) {
      expect(ruleOf(c(bad)), bad).toBe("value.type");
    }
    for (const bad of ["2023-1-01", "23-01-01", "2023/01/01", "01-01-2023", "2023-01-01T00:00", " 2023-01-01"]) expect(ruleOf(c(bad)), bad).toBe("value.type");
  });
  it("refuses dates after today and before 1880", () => {
    const c = check(date);
    expect(ruleOf(c("2025-06-16"))).toBe("value.range");
    expect((c("2025-06-16") as Invalid).message).toContain("future");
    expect(ruleOf(c("2030-01-01"))).toBe("value.range");
    expect(ruleOf(c("1879-12-31"))).toBe("value.range");
  });
  it("the cache of known dates never lets a bad value through after good ones", () => {
    const c = check(date, true);
    const good = ["2024-02-29", "2000-02-29", "2025-06-15", "1950-07-01"];
    for (let round = 0; round < 3; round++) {
      for (const g of good) expect(c(g)).toBe(g);
      expect(ruleOf(c("2023-02-29"))).toBe("value.type");
      expect(ruleOf(c("1900-02-29"))).toBe("value.type");
      expect(ruleOf(c("2025-06-16"))).toBe("value.range");
      expect(ruleOf(c(""))).toBe("value.required");
    }
    // A refused value is not remembered as good either.
    expect(ruleOf(c("2025-06-16"))).toBe("value.range");
  });
  it("each compiled check uses its own today", () => {
    const later = compileValueCheck(spec(date), new Date(Date.UTC(2025, 5, 16)));
    expect(later("2025-06-16")).toBe("2025-06-16");
    expect(ruleOf(check(date)("2025-06-16"))).toBe("value.range");
  });
});

describe("flag", () => {
  it("reads 0 and 1 only", () => {
    const c = check(flag);
    expect(c("1")).toBe(true);
    expect(c("0")).toBe(false);
    for (const bad of ["true", "false", "2", "01", " 1", "yes"]) expect(ruleOf(c(bad)), bad).toBe("value.enum");
  });
});

describe("enum", () => {
  it("accepts listed values, case-sensitively", () => {
    const c = check(oneOf("nl", "fr", "de", "bilingual"));
    expect(c("fr")).toBe("fr");
    expect(ruleOf(c("FR"))).toBe("value.enum");
  });
  it("suggests the closest value when one is near", () => {
    const c = check(oneOf("nl", "fr", "de", "bilingual"));
    const r = c("biligual") as Invalid;
    expect(r.rule).toBe("value.enum");
    expect(r.message).toContain("did you mean bilingual?");
    expect(r.message).toContain("nl, fr, de, bilingual");
    const far = c("something-else") as Invalid;
    expect(far.message).not.toContain("did you mean");
  });
});

describe("code and text", () => {
  it("checks codes against their pattern, with the pattern's words in the message", () => {
    const c = check(code(/^\d{5}$/, "5 digits (REFNIS/NIS)"));
    expect(c("21004")).toBe("21004");
    const r = c("2100") as Invalid;
    expect(r.rule).toBe("value.pattern");
    expect(r.message).toContain("5 digits (REFNIS/NIS)");
    expect(ruleOf(c("210045"))).toBe("value.pattern");
  });
  it("limits text length", () => {
    const c = check(text(5));
    expect(c("abcde")).toBe("abcde");
    expect(c("émile")).toBe("émile");
    expect(ruleOf(c("abcdef"))).toBe("value.range");
  });
});

describe("text values with invisible characters", () => {
  const check = compileValueCheck({ name: "name_fr", type: { kind: "text", maxLength: 200 }, required: true, description: "", example: "" } as never, new Date("2026-11-23T00:00:00Z"));
  it("refuses NUL, ESC, DEL, C1 controls and bidirectional overrides, naming the character", () => {
    for (const [value, code] of [
      ["Liège\u0000", "0000"],
      ["\u001b[31mLiège", "001B"],
      ["Li\u007Fège", "007F"],
      ["Li\u0085ège", "0085"],
      ["Brus\u202Esel", "202E"],
      ["\u2066Gent", "2066"],
    ] as const) {
      const r = check(value);
      expect(r, value).toBeInstanceOf(Invalid);
      expect((r as Invalid).rule).toBe("value.control-character");
      expect((r as Invalid).message).toContain(`U+${code}`);
    }
  });
  it("keeps accents, apostrophes and other scripts", () => {
    for (const value of ["Liège", "'s-Gravenbrakel", "Sint-Pieters-Leeuw", "Zürich", "Łódź", "القاهرة"]) expect(check(value)).toBe(value);
  });
});
