import { createReadStream } from "node:fs";
import type { Hash } from "node:crypto";

export interface CsvDialect {
  delimiter: string;
  bom: boolean;
}

export interface CsvCallbacks {
  /** Called once with the header; return false to stop reading. */
  header(columns: string[], dialect: CsvDialect): boolean;
  row(fields: string[], line: number): void;
  problem(rule: string, line: number, message: string): void;
  /** Bytes read so far, for a progress bar. */
  progress?(bytes: number): void;
}

const DELIMITERS = [",", ";", "|", "\t"] as const;

/** The delimiter that splits the header into the most columns. */
export function detectDelimiter(headerLine: string): string {
  let best = ",";
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const count = headerLine.split(d).length - 1;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Splits one line into fields (RFC 4180 quoting, `""` for a quote inside a quoted field).
 * Returns null for an unterminated quote: the contract has no line breaks inside fields.
 */
export function splitLine(line: string, delimiter: string): string[] | null {
  if (line.indexOf('"') < 0) return line.split(delimiter);
  const fields: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = "";
      let j = i + 1;
      for (;;) {
        const q = line.indexOf('"', j);
        if (q < 0) return null;
        value += line.slice(j, q);
        if (line[q + 1] === '"') {
          value += '"';
          j = q + 2;
        } else {
          j = q + 1;
          break;
        }
      }
      fields.push(value);
      if (j < line.length && line[j] !== delimiter) return null;
      i = j + 1;
    } else {
      const d = line.indexOf(delimiter, i);
      const end = d < 0 ? line.length : d;
      fields.push(line.slice(i, end));
      i = end + 1;
    }
  }
  return fields;
}

/** A header line (its line ending removed): its columns, trimmed, and the dialect it shows. */
export function parseHeaderLine(line: string): { columns: string[]; dialect: CsvDialect; invalidUtf8: boolean } {
  const bom = line.charCodeAt(0) === 0xfeff;
  const text = bom ? line.slice(1) : line;
  const dialect = { delimiter: detectDelimiter(text), bom };
  return { columns: (splitLine(text, dialect.delimiter) ?? []).map((c) => c.trim()), dialect, invalidUtf8: text.indexOf("\uFFFD") >= 0 };
}

/**
 * The first line of a file, parsed as readCsv parses it, reading no more than that line (at
 * most MAX_LINE_CHARS); null when the file has no complete first line of that length.
 */
export async function readHeader(path: string): Promise<ReturnType<typeof parseHeaderLine> | null> {
  const decoder = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true });
  let text = "";
  for await (const chunk of createReadStream(path, { highWaterMark: 64 << 10 }) as AsyncIterable<Buffer>) {
    text += decoder.decode(chunk, { stream: true });
    const nl = text.indexOf("\n");
    if (nl >= 0) return parseHeaderLine(text.slice(0, text[nl - 1] === "\r" ? nl - 1 : nl));
    if (text.length > MAX_LINE_CHARS) return null;
  }
  return null;
}

/** The longest line read (characters): a longer one is refused, and reading stays linear. */
export const MAX_LINE_CHARS = 1 << 20;

/**
 * Streams a CSV file line by line, with exact line numbers for every message.
 * Bytes that are not UTF-8 are reported (decoded as U+FFFD), never silently kept. Lines must
 * all end alike (LF or CRLF: DuckDB's loader refuses a mix) and be at most MAX_LINE_CHARS long.
 */
export async function readCsv(path: string, callbacks: CsvCallbacks, hash?: Hash, maxLine = MAX_LINE_CHARS): Promise<{ rows: number; bytes: number }> {
  const decoder = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true });
  let pending = "";
  let lineNo = 0;
  let rows = 0;
  let bytes = 0;
  let dialect: CsvDialect | null = null;
  let stopped = false;
  let skipping = false;
  let crlf: boolean | null = null;
  let mixedReported = false;

  const handle = (raw: string, terminated: boolean) => {
    lineNo++;
    const endsCr = raw.endsWith("\r");
    const line = endsCr ? raw.slice(0, -1) : raw;
    if (terminated) {
      if (crlf === null) crlf = endsCr;
      else if (crlf !== endsCr && !mixedReported) {
        mixedReported = true;
        const [mine, first] = endsCr ? ["CRLF", "LF"] : ["LF", "CRLF"];
        callbacks.problem("row.mixed-line-endings", lineNo, `this line ends with ${mine} but the first with ${first}: save the file with one kind of line ending`);
      }
    }
    if (dialect === null) {
      const header = parseHeaderLine(line);
      dialect = header.dialect;
      if (header.invalidUtf8) callbacks.problem("encoding.invalid-utf8", lineNo, "the header has bytes that are not valid UTF-8");
      if (!callbacks.header(header.columns, dialect)) stopped = true;
      return;
    }
    if (line.length === 0) return;
    if (line.indexOf("\uFFFD") >= 0) {
      callbacks.problem("encoding.invalid-utf8", lineNo, "bytes that are not valid UTF-8 (was the file saved as Latin-1 or Windows-1252?)");
      return;
    }
    const fields = splitLine(line, dialect.delimiter);
    if (fields === null) {
      callbacks.problem("row.unterminated-quote", lineNo, "a quoted field is not closed on this line (line breaks inside fields are not allowed)");
      return;
    }
    rows++;
    callbacks.row(fields, lineNo);
  };

  const tooLong = () => {
    callbacks.problem("row.too-long", lineNo + 1, `a line longer than ${maxLine.toLocaleString("en")} characters (is this a CSV file with line breaks?)`);
    if (dialect === null) {
      dialect = { delimiter: ",", bom: false };
      callbacks.header([], dialect);
      stopped = true;
    }
    pending = "";
    skipping = true;
  };

  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    hash?.update(chunk);
    callbacks.progress?.(bytes);
    if (stopped) continue;
    // Only the new text is searched for line breaks: reading is linear in the file's size.
    const text = decoder.decode(chunk, { stream: true });
    let start = 0;
    if (skipping) {
      const nl = text.indexOf("\n");
      if (nl < 0) continue;
      lineNo++;
      skipping = false;
      start = nl + 1;
    }
    for (;;) {
      const nl = text.indexOf("\n", start);
      if (nl < 0) break;
      const line = pending + text.slice(start, nl);
      pending = "";
      start = nl + 1;
      if (line.length > maxLine) {
        // A whole over-long line in hand: refused and counted, nothing left to skip.
        tooLong();
        skipping = false;
        lineNo++;
      } else handle(line, true);
      if (stopped) break;
    }
    if (stopped) {
      pending = "";
      continue;
    }
    pending += text.slice(start);
    if (pending.length > maxLine) tooLong();
  }
  if (!stopped) {
    pending += decoder.decode();
    if (pending.length > maxLine) tooLong();
    else if (pending.length > 0 && !skipping) handle(pending, false);
    if (dialect === null) callbacks.header([], { delimiter: ",", bom: false });
  }
  return { rows, bytes };
}
