import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { badRequest, notFound } from "../api-error.ts";
import { areaKey } from "../catalog.ts";
import { negotiate, toCsv } from "../formats.ts";
import { PERIOD_CELL_COLUMNS, PeriodCellSchema, selectPeriodCells } from "../period-cells.ts";
import { jsonPayload, respond } from "../respond.ts";
import { AreaSchema, code, errorResponses, indicatorId } from "../schemas.ts";
import { SUB_ANNUAL_PERIODS } from "../../release/format.ts";
import { checkSystem } from "./geography.ts";
import { findIndicator } from "./indicators.ts";

/** Levels with periods: the release keeps municipalities yearly (release/format.ts). */
export const PERIOD_LEVELS = ["belgium", "region", "province", "zone"] as const;

const PeriodsQuery = z.strictObject({
  level: z.enum(PERIOD_LEVELS, { error: `expected one of ${PERIOD_LEVELS.join(", ")} (municipalities have yearly values only)` }),
  system: code.optional().describe("zone system (level=zone)"),
  area: code.describe("the area's code at `level` (BE for Belgium)"),
  format: z.enum(["json", "csv"], { error: "expected one of json, csv" }).optional().describe("json (default) or csv; else chosen from the Accept header"),
});
export const PeriodsSchema = z.object({
  releaseId: z.string(),
  indicator: z.object({ id: z.string(), unit: z.string(), statistic: z.string(), polarity: z.string() }),
  kind: z.enum(SUB_ANNUAL_PERIODS).describe("quarter or month"),
  area: AreaSchema,
  count: z.number().int(),
  cells: z.array(PeriodCellSchema).describe("oldest first; a hidden period has its keys and reason and every number null; a period without a row has no cell"),
});

const plugin: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/indicators/:id/periods",
    {
      schema: {
        tags: ["data"],
        summary: "An area's quarterly or monthly series of one indicator (total stratum)",
        description:
          "For indicators with sub-annual values (`subAnnual` in /indicators): each period's value is annualised, so it reads on the year's scale. An indicator without them is refused (400, `no-sub-annual-periods`). JSON or CSV (`format=csv` or the Accept header).",
        params: z.strictObject({ id: indicatorId }),
        querystring: PeriodsQuery,
        response: {
          200: {
            description: "the area's periods, as JSON or CSV",
            content: {
              "application/json": { schema: PeriodsSchema },
              "text/csv": { schema: z.string().describe("header row, then one row per period; RFC 4180") },
            },
          },
          ...errorResponses,
        },
      },
    },
    (request, reply) => {
      const q = request.query;
      const format = negotiate(q.format, request.headers.accept) === "csv" ? "csv" : "json";
      reply.header("vary", "Accept");
      return respond(request, reply, { ...request.params, ...q, format }, async (release) => {
        const { catalog } = release;
        const indicator = findIndicator(catalog, request.params.id);
        if (!indicator.sub_annual) throw badRequest("no-sub-annual-periods", `indicator '${indicator.id}' has yearly values only (no quarters or months in this release)`, { id: indicator.id });
        checkSystem(catalog, q.level, q.system);
        if (q.level === "zone" && q.system === undefined) throw badRequest("zone-needs-system", "query parameter 'area' with level=zone needs 'system' (zone codes are per system)");
        const area = catalog.area.get(areaKey(q.level, q.level === "zone" ? q.system : null, q.area));
        if (!area) throw notFound("unknown-area", `unknown ${q.level} '${q.area}'${q.level === "zone" ? ` in system ${q.system}` : ""}`, { area: q.area });
        const cells = await selectPeriodCells(release.db, indicator.id, area);
        if (format === "csv") return toCsv(cells, PERIOD_CELL_COLUMNS);
        const { id, unit, statistic, polarity } = indicator;
        return jsonPayload(
          { releaseId: release.id, indicator: { id, unit, statistic, polarity }, kind: indicator.sub_annual, area, count: cells.length, cells },
          app.settings.checkResponses ? PeriodsSchema : undefined,
        );
      });
    },
  );
};
export default plugin;
