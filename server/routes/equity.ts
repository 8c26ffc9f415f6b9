import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { badRequest } from "../api-error.ts";
import { areaKey } from "../catalog.ts";
import { CellFilter, selectCells } from "../cell-query.ts";
import { CellSchema, type Cell } from "../cells.ts";
import { jsonPayload, respond } from "../respond.ts";
import { AreaSchema, code, errorResponses, indicatorId, level, list, year } from "../schemas.ts";
import { checkSystem } from "./geography.ts";
import { findIndicator } from "./indicators.ts";
import { checkAreas, checkLevel } from "./values.ts";

const EquityQuery = z.strictObject({
  indicator: indicatorId,
  level,
  system: code.optional().describe("zone system (level=zone); required with areas"),
  areas: list(code, { max: 1000, example: "Z01,Z02", sort: true }).optional(),
  year: year.optional().describe("default: the latest year with cells at this level"),
});
const num = z.number().nullable();
const EquitySchema = z.object({
  releaseId: z.string(),
  indicator: z.object({ id: z.string(), unit: z.string(), statistic: z.string(), polarity: z.string() }),
  level: z.string(),
  year: z.number().int().nullable(),
  rows: z.array(
    z.object({
      area: AreaSchema,
      total: CellSchema.nullable(),
      bim: CellSchema.nullable().describe("persons with increased reimbursement (BIM/VT)"),
      nonBim: CellSchema.nullable(),
      gap: z
        .object({
          hidden: z.string().nullable().describe("why there is no gap: a hidden cell's reason, or 'missing'"),
          ratio: num,
          ratio_lower95: num,
          ratio_upper95: num,
          difference: num,
          difference_lower95: num,
          difference_upper95: num,
        })
        .describe("BIM over (minus) non-BIM with 95% limits, as the release computed them; all null when not publishable"),
    }),
  ),
});

const plugin: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/equity",
    { schema: { tags: ["data"], summary: "BIM and non-BIM cells of one indicator per area, and the gap between them", querystring: EquityQuery, response: { 200: EquitySchema, ...errorResponses } } },
    (request, reply) =>
      respond(request, reply, request.query, async (release) => {
        const { catalog } = release;
        const q = request.query;
        const indicator = findIndicator(catalog, q.indicator);
        if (!indicator.strata.includes("bim"))
          throw badRequest("no-bim-breakdown", `indicator '${indicator.id}' has no BIM breakdown (strata: ${indicator.strata.join(", ") || "none"})`, { id: indicator.id });
        checkLevel(indicator, q.level);
        checkSystem(catalog, q.level, q.system);
        const filter = new CellFilter().eq("indicator_id", indicator.id).eq("level", q.level);
        if (q.system !== undefined) filter.eq("system_code", q.system);
        if (q.areas !== undefined) {
          if (q.level === "zone" && q.system === undefined) throw badRequest("zone-needs-system", "query parameter 'areas' with level=zone needs 'system' (zone codes are per system)");
          checkAreas(catalog, q.level, q.system, q.areas);
          filter.in("area_code", q.areas);
        }
        const yearUsed = q.year ?? indicator.years[q.level]?.at(-1) ?? null;
        const { id, unit, statistic, polarity } = indicator;
        const base = { releaseId: release.id, indicator: { id, unit, statistic, polarity }, level: q.level, year: yearUsed };
        if (yearUsed === null) return jsonPayload({ ...base, rows: [] });
        filter.eq("year", yearUsed).anyOf([(f) => f.eq("stratum", "total"), (f) => f.eq("stratum", "bim").in("stratum_value", ["bim", "non-bim"])]);
        const byArea = new Map<string, { total?: Cell; bim?: Cell; nonBim?: Cell }>();
        for (const c of await selectCells(release.db, filter)) {
          const key = areaKey(c.level, c.system_code, c.area_code);
          const entry = byArea.get(key) ?? {};
          if (c.stratum === "total") entry.total = c;
          else if (c.stratum_value === "bim") entry.bim = c;
          else entry.nonBim = c;
          byArea.set(key, entry);
        }
        const rows = [...byArea].flatMap(([key, { total, bim, nonBim }]) => {
          const area = catalog.area.get(key);
          if (!area) return [];
          // The gap is the release's (on the total cell): the server computes no figure itself,
          // and passes none on when a cell it derives from is hidden or missing.
          const hidden = total?.hidden ?? bim?.hidden ?? nonBim?.hidden ?? (total && bim && nonBim ? null : "missing");
          const usable = hidden === null ? total : undefined;
          const gap = {
            hidden,
            ratio: usable?.bim_ratio ?? null,
            ratio_lower95: usable?.bim_ratio_lower95 ?? null,
            ratio_upper95: usable?.bim_ratio_upper95 ?? null,
            difference: usable?.bim_difference ?? null,
            difference_lower95: usable?.bim_difference_lower95 ?? null,
            difference_upper95: usable?.bim_difference_upper95 ?? null,
          };
          return [{ area, total: total ?? null, bim: bim ?? null, nonBim: nonBim ?? null, gap }];
        });
        return jsonPayload({ ...base, rows }, app.settings.checkResponses ? EquitySchema : undefined);
      }),
  );
};
export default plugin;
