/** Problems found in an extract, each pointing at file, line and column. */
export interface Issue {
  severity: "error" | "warning";
  rule: string;
  file: string;
  line?: number;
  column?: string;
  value?: string;
  message: string;
}

/** How many issues of one rule in one file are kept in full; the rest are counted. */
const SHOWN_PER_RULE = 20;

export class ValidationReport {
  readonly issues: Issue[] = [];
  private readonly counts = new Map<string, { severity: Issue["severity"]; file: string; rule: string; count: number }>();
  /** Checks that could not run, and why (e.g. cross-file checks after row errors). */
  readonly skipped: string[] = [];

  add(issue: Issue): void {
    const key = `${issue.file}\u0000${issue.rule}`;
    const entry = this.counts.get(key) ?? { severity: issue.severity, file: issue.file, rule: issue.rule, count: 0 };
    entry.count++;
    this.counts.set(key, entry);
    if (entry.count <= SHOWN_PER_RULE) this.issues.push(issue);
  }

  error(rule: string, file: string, message: string, at: { line?: number; column?: string; value?: string } = {}): void {
    this.add({ severity: "error", rule, file, message, ...at });
  }

  warning(rule: string, file: string, message: string, at: { line?: number; column?: string; value?: string } = {}): void {
    this.add({ severity: "warning", rule, file, message, ...at });
  }

  get errorCount(): number {
    let n = 0;
    for (const c of this.counts.values()) if (c.severity === "error") n += c.count;
    return n;
  }

  get warningCount(): number {
    let n = 0;
    for (const c of this.counts.values()) if (c.severity === "warning") n += c.count;
    return n;
  }

  get ok(): boolean {
    return this.errorCount === 0;
  }

  hasErrorsIn(file: string): boolean {
    for (const c of this.counts.values()) if (c.file === file && c.severity === "error") return true;
    return false;
  }

  /** One entry per file and rule, with the full count. */
  summary(): { severity: Issue["severity"]; file: string; rule: string; count: number }[] {
    return [...this.counts.values()].sort((a, b) => a.file.localeCompare(b.file) || a.rule.localeCompare(b.rule));
  }

  /** Lines such as `ima_population.csv:12:birth_year: error [value.range] ...`, then a summary. */
  format(): string {
    const lines = this.issues.map(formatIssue);
    for (const s of this.summary()) {
      if (s.count > SHOWN_PER_RULE) lines.push(`${s.file}: … and ${s.count - SHOWN_PER_RULE} more [${s.rule}]`);
    }
    for (const s of this.skipped) lines.push(`note: ${s}`);
    lines.push("");
    lines.push(`Summary: ${this.errorCount} error(s), ${this.warningCount} warning(s)`);
    for (const s of this.summary()) lines.push(`  ${s.severity.padEnd(7)} ${String(s.count).padStart(8)}  ${s.rule.padEnd(34)} ${s.file}`);
    return lines.join("\n");
  }

  /** Issues and counts, to pass between threads. */
  export(): { issues: Issue[]; counts: [string, { severity: Issue["severity"]; file: string; rule: string; count: number }][] } {
    return { issues: this.issues, counts: [...this.counts] };
  }

  /** Adds what another report (of other files) found. */
  absorb(other: ReturnType<ValidationReport["export"]>): void {
    this.issues.push(...other.issues);
    for (const [key, entry] of other.counts) {
      const mine = this.counts.get(key);
      if (mine) mine.count += entry.count;
      else this.counts.set(key, { ...entry });
    }
  }

  toJSON() {
    return { ok: this.ok, errors: this.errorCount, warnings: this.warningCount, summary: this.summary(), issues: this.issues, skipped: this.skipped };
  }
}

export function formatIssue(i: Issue): string {
  const where = [i.file, i.line, i.column].filter((p) => p !== undefined && p !== "").join(":");
  const value = i.value !== undefined ? ` (value "${i.value}")` : "";
  return `${where}: ${i.severity} [${i.rule}] ${i.message}${value}`;
}
