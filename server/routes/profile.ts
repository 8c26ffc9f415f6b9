import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { badRequest, notFound } from "../api-error.ts";
import { areaKey } from "../catalog.ts";
import { CellFilter, selectCells } from "../cell-query.ts";
import { CellSchema, type Cell } from "../cells.ts";
import { peerDistributions, referenceCells } from "../profile-data.ts";
import { jsonPayload, respond } from "../respond.ts";
import { AreaSchema, code, errorResponses, level, TextsSchema } from "../schemas.ts";
import { checkSystem } from "./geography.ts";
import { summary } from "./indicators.ts";

const DistributionSchema = z
  .object({ count: z.number().int(), min: z.number(), q1: z.number(), median: z.number(), q3: z.number(), max: z.number() })
  .describe("published values of the peers (same level; zones: same system) for the same year; hidden cells left out");
export const ProfileSchema = z.object({
  releaseId: z.string(),
  area: AreaSchema,
  region: AreaSchema.nullable(),
  peers: z.object({ level: z.string(), system_code: z.string().nullable(), areas: z.number().int() }).nullable(),
  indicators: z.array(
    z.object({
      indicator: z.object({ id: z.string(), aim: z.string(), type: z.string(), statistic: z.string(), unit: z.string(), polarity: z.string(), title: TextsSchema }),
      year: z.number().int().describe("the latest year with a cell for this area"),
      cell: CellSchema,
      region: CellSchema.nullable().describe("the area's region, same year"),
      belgium: CellSchema.nullable().describe("Belgium, same year"),
      distribution: DistributionSchema.nullable(),
      series: z
        .array(z.object({ year: z.number().int(), value: z.number().nullable(), lower95: z.number().nullable(), upper95: z.number().nullable(), hidden: z.string().nullable() }))
        .describe("every year, for the trend"),
    }),
  ),
});

const plugin: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/profile/:level/:area",
    {
      schema: {
        tags: ["data"],
        summary: "Profile of one area: every indicator's latest cell with region, Belgium, peers and trend",
        params: z.strictObject({ level, area: code }),
        querystring: z.strictObject({ system: code.optional().describe("zone system; required for level zone") }),
        response: { 200: ProfileSchema, ...errorResponses },
      },
    },
    (request, reply) =>
      respond(request, reply, { ...request.params, ...request.query }, async (release) => {
        const { catalog } = release;
        const { level: lvl, area: areaCode } = request.params;
        const { system } = request.query;
        if (lvl === "zone" && system === undefined) throw badRequest("zone-needs-system", "query parameter 'system' is required for a zone profile");
        checkSystem(catalog, lvl, system);
        const area = catalog.area.get(areaKey(lvl, system, areaCode));
        if (!area) throw notFound("unknown-area", `unknown ${lvl} '${areaCode}'${system ? ` in system ${system}` : ""}`, { area: areaCode });
        const region = area.region_code ? (catalog.area.get(areaKey("region", null, area.region_code)) ?? null) : null;

        const own = await selectCells(release.db, new CellFilter().eq("level", lvl).same("system_code", area.system_code).eq("area_code", areaCode).eq("stratum", "total"));
        const byIndicator = new Map<string, Cell[]>();
        for (const c of own) byIndicator.set(c.indicator_id, [...(byIndicator.get(c.indicator_id) ?? []), c]);
        const references = await referenceCells(release);
        const distributions = lvl === "belgium" ? undefined : await peerDistributions(release, lvl, area.system_code);
        const peerCount = catalog.areas.filter((a) => a.level === lvl && a.system_code === area.system_code).length;

        const indicators = [];
        for (const indicator of catalog.indicators) {
          const cells = byIndicator.get(indicator.id);
          const cell = cells?.at(-1); // cells are ordered by year
          if (!cells || !cell) continue;
          const { id, aim, type, statistic, unit, polarity, title } = summary(indicator);
          const ref = (l: string, c: string | null) => (c === null ? null : (references.get(`${id}|${cell.year}|${l}|${c}`) ?? null));
          indicators.push({
            indicator: { id, aim, type, statistic, unit, polarity, title },
            year: cell.year,
            cell,
            region: lvl === "belgium" || lvl === "region" ? null : ref("region", area.region_code),
            belgium: lvl === "belgium" ? null : ref("belgium", "BE"),
            distribution: distributions?.get(`${id}|${cell.year}`) ?? null,
            series: cells.map(({ year, value, lower95, upper95, hidden }) => ({ year, value, lower95, upper95, hidden })),
          });
        }
        const peers = lvl === "belgium" ? null : { level: lvl, system_code: area.system_code, areas: peerCount };
        return jsonPayload({ releaseId: release.id, area, region, peers, indicators }, app.settings.checkResponses ? ProfileSchema : undefined);
      }),
  );
};
export default plugin;
