import { closeSync, openSync, writeSync } from "node:fs";

/**
 * Writes lines through a 1 MiB buffer with synchronous writes: the generator produces
 * tens of millions of rows, and a stream's per-write promise and backpressure cost more
 * than the writing itself.
 */
export class TextFileWriter {
  private readonly fd: number;
  private parts: string[] = [];
  private size = 0;
  rows = 0;

  constructor(
    readonly path: string,
    header: string,
    options: { bom?: boolean } = {},
  ) {
    this.fd = openSync(path, "w");
    this.write(`${options.bom ? "\uFEFF" : ""}${header}\n`);
  }

  line(text: string): void {
    this.rows++;
    this.write(`${text}\n`);
  }

  private write(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size > 1 << 20) this.flush();
  }

  private flush(): void {
    if (this.parts.length === 0) return;
    writeSync(this.fd, this.parts.join(""));
    this.parts = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

/** ISO dates of every day of a year, by day index: formatting dates is the generator's hot path. */
export function daysOfYear(year: number): string[] {
  const days: string[] = [];
  for (let t = Date.UTC(year, 0, 1); new Date(t).getUTCFullYear() === year; t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}
