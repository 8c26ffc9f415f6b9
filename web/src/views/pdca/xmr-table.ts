// The data table (and CSV) behind a cycle's XmR chart.
import { signalOf } from "../../charts/xmr.ts";
import { decimalsFor, formatValue } from "../../lib/format.ts";
import { t } from "../../lib/i18n/index.ts";
import type { CheckIndicator } from "../../lib/pdca.ts";
import type { Lang } from "../../lib/route.ts";
import { periodLabel } from "../../../../core/periods.ts";
import type { TableData } from "../../lib/table.ts";

interface Row {
  year: number;
  period?: string;
  value: number | null;
  hidden: string | null;
  movingRange: number | null;
  baseline: boolean;
  signal: string | null;
}

export function xmrRows(check: CheckIndicator, lang: Lang): TableData<Row> {
  const unit = check.indicator.unit ?? "";
  // Chart points by period on sub-annual checks (a year has several), else by year.
  const keyOf = (p: { year: number; period?: string }) => p.period ?? String(p.year);
  const points = new Map((check.chart?.points ?? []).map((p) => [keyOf(p), p]));
  const rows = check.series.map((s) => ({
    year: s.year,
    period: s.period,
    value: s.hidden ? null : s.value,
    hidden: s.hidden,
    movingRange: points.get(keyOf(s))?.movingRange ?? null,
    baseline: points.get(keyOf(s))?.baseline ?? false,
    signal: signalOf(check, s),
  }));
  const periodic = check.granularity !== "year";
  const num = (v: number | null) => (v === null ? "–" : formatValue(v, unit, lang));
  return {
    rows,
    columns: [
      periodic
        ? { header: t(lang, "col.period"), text: (r) => (r.period ? periodLabel(r.period, lang) : String(r.year)), raw: (r) => r.period ?? r.year }
        : { header: t(lang, "col.year"), text: (r) => String(r.year) },
      { header: t(lang, "col.value"), text: (r) => (r.hidden ? t(lang, "hidden.short") : num(r.value)), raw: (r) => r.value, numeric: true, decimals: (v) => decimalsFor(unit, v) },
      { header: t(lang, "pdca.movingRange"), text: (r) => num(r.movingRange), raw: (r) => r.movingRange, numeric: true, decimals: (v) => decimalsFor(unit, v) },
      { header: t(lang, "pdca.inBaseline"), text: (r) => (r.baseline ? "✓" : ""), raw: (r) => r.baseline },
      {
        header: t(lang, "pdca.signal"),
        text: (r) => (r.signal === "improvement" ? t(lang, "trend.getting-better") : r.signal === "concern" ? t(lang, "trend.getting-worse") : r.signal ? "•" : ""),
        raw: (r) => r.signal,
      },
    ],
  };
}
