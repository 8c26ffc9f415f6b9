import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { badRequest, notFound } from "../api-error.ts";
import { areaKey, type Catalog, type IndicatorRow } from "../catalog.ts";
import { CellFilter, selectCells } from "../cell-query.ts";
import { CellSchema } from "../cells.ts";
import { negotiate, toArrow, toCsv } from "../formats.ts";
import { jsonPayload, respond } from "../respond.ts";
import { code, errorResponses, formatParam, indicatorId, level, list, stratum, yearList } from "../schemas.ts";
import { checkSystem } from "./geography.ts";
import { findIndicator } from "./indicators.ts";

export function checkLevel(indicator: IndicatorRow, lvl: string): void {
  if (!indicator.levels.includes(lvl))
    throw badRequest("level-not-available", `indicator '${indicator.id}' has no cells at level ${lvl} (levels: ${indicator.levels.join(", ")})`, { id: indicator.id, level: lvl });
}

export function checkStratum(indicator: IndicatorRow, s: string): void {
  if (s !== "total" && !indicator.strata.includes(s))
    throw badRequest("breakdown-not-available", `indicator '${indicator.id}' has no breakdown by ${s} (strata: total${indicator.strata.map((x) => `, ${x}`).join("")})`, {
      id: indicator.id,
      stratum: s,
    });
}

/** Every code must be an area of that level (and system): a typo is a 404, not an empty answer. */
export function checkAreas(catalog: Catalog, lvl: string, system: string | undefined, codes: readonly string[]): void {
  const unknown = codes.filter((c) => !catalog.area.has(areaKey(lvl, lvl === "zone" ? system : null, c)));
  if (unknown.length)
    throw notFound(
      "unknown-areas",
      `unknown ${lvl === "zone" ? `zone${unknown.length > 1 ? "s" : ""} of system ${system}` : `${lvl} area${unknown.length > 1 ? "s" : ""}`}: ${unknown.slice(0, 10).join(", ")}`,
      { areas: unknown.slice(0, 10).join(", ") },
    );
}

const ValuesQuery = z.strictObject({
  indicator: indicatorId,
  years: yearList.optional().describe("comma-separated years (default: all)"),
  level: level.optional().describe("default: every level the indicator has"),
  system: code.optional().describe("zone system (level=zone); required with areas"),
  areas: list(code, { max: 1000, example: "62063,63079", sort: true }).optional().describe("comma-separated area codes of `level` (requires level)"),
  stratum: stratum.default("total").describe("total, or the breakdown: sex, age-band, bim"),
  format: formatParam.optional().describe("json (default), csv or arrow; else chosen from the Accept header"),
});
export const ValuesSchema = z.object({
  releaseId: z.string(),
  indicator: z.object({ id: z.string(), unit: z.string(), statistic: z.string(), polarity: z.string() }),
  stratum: z.string(),
  count: z.number().int(),
  cells: z.array(CellSchema),
});

const plugin: FastifyPluginAsyncZod = async (app) => {
  const max = app.settings.maxCells;
  app.get(
    "/values",
    {
      schema: {
        tags: ["data"],
        summary: "Cells of one indicator",
        description: [
          `Cells ordered by year, level, system, area and stratum value. At most ${max.toLocaleString("en")} cells per request: a larger query is refused (400) and must be narrowed by years, level, areas or stratum.`,
          "Formats: JSON (default), CSV (`text/csv`, header row, RFC 4180, NULL = empty field) or Arrow IPC stream (`application/vnd.apache.arrow.stream`),",
          "by `format=` or the Accept header. A hidden cell has its keys and `hidden` reason and every number null in all three.",
        ].join(" "),
        querystring: ValuesQuery,
        response: {
          200: {
            description: "the cells, as JSON, CSV or Arrow",
            content: {
              "application/json": { schema: ValuesSchema },
              "text/csv": { schema: z.string().describe("header row, then one row per cell; RFC 4180") },
              "application/vnd.apache.arrow.stream": { schema: z.string().describe("Arrow IPC stream (binary), one column per cell column") },
            },
          },
          ...errorResponses,
        },
      },
    },
    (request, reply) => {
      const q = request.query;
      const format = negotiate(q.format, request.headers.accept);
      reply.header("vary", "Accept");
      return respond(request, reply, { ...q, format }, async (release) => {
        const { catalog } = release;
        const indicator = findIndicator(catalog, q.indicator);
        const filter = new CellFilter().eq("indicator_id", indicator.id).eq("stratum", q.stratum);
        checkStratum(indicator, q.stratum);
        if (q.level !== undefined) {
          checkLevel(indicator, q.level);
          filter.eq("level", q.level);
        }
        checkSystem(catalog, q.level, q.system);
        if (q.system !== undefined) filter.eq("system_code", q.system);
        if (q.areas !== undefined) {
          if (q.level === undefined) throw badRequest("areas-need-level", "query parameter 'areas' needs 'level' (area codes are per level)");
          if (q.level === "zone" && q.system === undefined) throw badRequest("zone-needs-system", "query parameter 'areas' with level=zone needs 'system' (zone codes are per system)");
          checkAreas(catalog, q.level, q.system, q.areas);
          filter.in("area_code", q.areas);
        }
        if (q.years !== undefined) filter.in("year", q.years);
        const cells = await selectCells(release.db, filter, max + 1);
        if (cells.length > max) throw badRequest("too-many-cells", `the query matches more than ${max.toLocaleString("en")} cells: narrow it with years, level, areas or stratum`, { max });
        if (format === "csv") return toCsv(cells);
        if (format === "arrow") return toArrow(cells);
        const { id, unit, statistic, polarity } = indicator;
        return jsonPayload(
          { releaseId: release.id, indicator: { id, unit, statistic, polarity }, stratum: q.stratum, count: cells.length, cells },
          app.settings.checkResponses ? ValuesSchema : undefined,
        );
      });
    },
  );
};
export default plugin;
