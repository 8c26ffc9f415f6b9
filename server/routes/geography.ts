import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { badRequest, notFound } from "../api-error.ts";
import { areaKey, LEVELS, type Catalog } from "../catalog.ts";
import { ZONE_MEMBER_TABLE, ZONE_SYSTEM_TABLE } from "../../release/format.ts";
import { jsonPayload, respond } from "../respond.ts";
import { AreaSchema, code, errorResponses, level, Names } from "../schemas.ts";

export const ZoneSystemSchema = ZONE_SYSTEM_TABLE.row.extend({ ...Names, zones: z.number().int() }).meta({ id: "ZoneSystem" });

export const LevelsSchema = z.object({ levels: z.array(z.object({ level: z.enum(LEVELS), areas: z.number().int(), systems: z.array(z.string()).describe("zone systems (zones only)") })) });
export const SystemsSchema = z.object({ systems: z.array(ZoneSystemSchema) });
export const AreasSchema = z.object({ areas: z.array(AreaSchema) });
const MemberSchema = ZONE_MEMBER_TABLE.row.pick({ nis_code: true, sector_code: true }).extend({ municipality: AreaSchema.nullable() });
export const ZoneSchema = z.object({ zone: AreaSchema, system: ZoneSystemSchema, members: z.array(MemberSchema) });

/** `system` must name a zone system of the release; it only makes sense with zones. */
export function checkSystem(catalog: Catalog, lvl: string | undefined, system: string | undefined): void {
  if (system === undefined) return;
  if (lvl !== undefined && lvl !== "zone") throw badRequest("system-needs-zone-level", `query parameter 'system' applies to level=zone only, not level=${lvl}`);
  if (!catalog.systems.some((s) => s.system_code === system))
    throw notFound("unknown-zone-system", `unknown zone system '${system}' (known: ${catalog.systems.map((s) => s.system_code).join(", ")})`, { system });
}

function systemsOf(catalog: Catalog) {
  return catalog.systems.map((s) => ({ ...s, zones: catalog.areas.filter((a) => a.level === "zone" && a.system_code === s.system_code).length }));
}

const plugin: FastifyPluginAsyncZod = async (app) => {
  const check = <T extends z.ZodType>(schema: T) => (app.settings.checkResponses ? schema : undefined);

  app.get(
    "/geography/levels",
    { schema: { tags: ["geography"], summary: "Levels of geography and how many areas each has", querystring: z.strictObject({}), response: { 200: LevelsSchema, ...errorResponses } } },
    (request, reply) =>
      respond(request, reply, {}, async ({ catalog }) => {
        const levels = LEVELS.map((l) => {
          const areas = catalog.areas.filter((a) => a.level === l);
          return { level: l, areas: areas.length, systems: l === "zone" ? [...new Set(areas.map((a) => a.system_code ?? ""))] : [] };
        }).filter((l) => l.areas > 0);
        return jsonPayload({ levels }, check(LevelsSchema));
      }),
  );

  app.get("/geography/systems", { schema: { tags: ["geography"], summary: "Zone systems", querystring: z.strictObject({}), response: { 200: SystemsSchema, ...errorResponses } } }, (request, reply) =>
    respond(request, reply, {}, async ({ catalog }) => jsonPayload({ systems: systemsOf(catalog) }, check(SystemsSchema))),
  );

  const AreasQuery = z.strictObject({ level: level.optional(), system: code.optional().describe("zone system: zones of this system only") });
  app.get(
    "/geography/areas",
    { schema: { tags: ["geography"], summary: "Areas with their names in four languages", querystring: AreasQuery, response: { 200: AreasSchema, ...errorResponses } } },
    (request, reply) =>
      respond(request, reply, request.query, async ({ catalog }) => {
        const { level: lvl, system } = request.query;
        checkSystem(catalog, lvl, system);
        const areas = catalog.areas.filter((a) => (lvl === undefined || a.level === lvl) && (system === undefined || a.system_code === system));
        return jsonPayload({ areas }, check(AreasSchema));
      }),
  );

  const ZoneParams = z.strictObject({ system: code, zone: code });
  app.get(
    "/geography/zones/:system/:zone",
    {
      schema: {
        tags: ["geography"],
        summary: "A zone and its member municipalities (or sectors)",
        params: ZoneParams,
        querystring: z.strictObject({}),
        response: { 200: ZoneSchema, ...errorResponses },
      },
    },
    (request, reply) =>
      respond(request, reply, request.params, async ({ catalog }) => {
        const { system, zone: zoneCode } = request.params;
        const zone = catalog.area.get(areaKey("zone", system, zoneCode));
        if (!zone) throw notFound("unknown-zone", `unknown zone '${zoneCode}' in system '${system}'`, { zone: zoneCode, system });
        const members = (catalog.membersOfZone.get(`${system}|${zoneCode}`) ?? []).map((m) => ({
          nis_code: m.nis_code,
          sector_code: m.sector_code,
          municipality: catalog.area.get(areaKey("municipality", null, m.nis_code)) ?? null,
        }));
        const sys = systemsOf(catalog).find((s) => s.system_code === system);
        if (!sys) throw notFound("unknown-zone-system", `unknown zone system '${system}'`, { system });
        return jsonPayload({ zone, system: sys, members }, check(ZoneSchema));
      }),
  );
};
export default plugin;
