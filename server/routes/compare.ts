import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { notFound } from "../api-error.ts";
import { areaKey, type AreaRow } from "../catalog.ts";
import { CellFilter, selectCells } from "../cell-query.ts";
import { CellSchema } from "../cells.ts";
import { jsonPayload, respond } from "../respond.ts";
import { AreaSchema, errorResponses, indicatorId, list, stratum, yearList } from "../schemas.ts";
import { findIndicator } from "./indicators.ts";
import { checkLevel, checkStratum } from "./values.ts";

const C = "[A-Za-z0-9_.-]{1,40}";
const token = z
  .string()
  .regex(new RegExp(`^((belgium|region|province|municipality):${C}|zone:${C}:${C})$`), "expected level:code (e.g. region:03000, municipality:62063) or zone:SYSTEM:code")
  .transform((t) => {
    const parts = t.split(":");
    return parts.length === 3 ? { token: t, level: "zone", system: parts[1] ?? null, code: parts[2] ?? "" } : { token: t, level: parts[0] ?? "", system: null, code: parts[1] ?? "" };
  });

const CompareQuery = z.strictObject({
  indicator: indicatorId,
  // Order kept: the answer lists the areas side by side in the order asked.
  areas: list(token, { max: 12, example: "belgium:BE,region:03000,zone:ZPL:Z04" }),
  years: yearList.optional().describe("comma-separated years (default: all)"),
  stratum: stratum.default("total"),
});
export const CompareSchema = z.object({
  releaseId: z.string(),
  indicator: z.object({ id: z.string(), unit: z.string(), statistic: z.string(), polarity: z.string() }),
  years: z.array(z.number().int()),
  series: z.array(z.object({ token: z.string(), area: AreaSchema, cells: z.array(CellSchema) })),
});

const plugin: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/compare",
    { schema: { tags: ["data"], summary: "One indicator for a few areas of any levels, side by side", querystring: CompareQuery, response: { 200: CompareSchema, ...errorResponses } } },
    (request, reply) =>
      respond(request, reply, { ...request.query, areas: request.query.areas.map((a) => a.token) }, async (release) => {
        const { catalog } = release;
        const q = request.query;
        const indicator = findIndicator(catalog, q.indicator);
        checkStratum(indicator, q.stratum);
        const areas: AreaRow[] = q.areas.map((t) => {
          const area = catalog.area.get(areaKey(t.level, t.system, t.code));
          if (!area) throw notFound("unknown-area", `unknown area '${t.token}'`, { area: t.token });
          checkLevel(indicator, t.level);
          return area;
        });
        const filter = new CellFilter().eq("indicator_id", indicator.id).eq("stratum", q.stratum);
        filter.anyOf(areas.map((a) => (f: CellFilter) => f.eq("level", a.level).same("system_code", a.system_code).eq("area_code", a.area_code)));
        if (q.years) filter.in("year", q.years);
        const cells = await selectCells(release.db, filter);
        const series = areas.map((area, i) => ({
          token: q.areas[i]?.token ?? "",
          area,
          cells: cells.filter((c) => c.level === area.level && c.system_code === area.system_code && c.area_code === area.area_code),
        }));
        const years = [...new Set(cells.map((c) => c.year))].sort((a, b) => a - b);
        const { id, unit, statistic, polarity } = indicator;
        return jsonPayload({ releaseId: release.id, indicator: { id, unit, statistic, polarity }, years, series }, app.settings.checkResponses ? CompareSchema : undefined);
      }),
  );
};
export default plugin;
