import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { hashPassword, passwordProblem } from "../../pdca/accounts/password.ts";
import { canManageUsers } from "../../pdca/accounts/permissions.ts";
import { createUser, listUsers, updateUser, userById, type Zone } from "../../pdca/store/index.ts";
import { badRequest, conflict, forbidden, notFound } from "../api-error.ts";
import { checkZone, withRelease } from "../pdca/release-series.ts";
import { presentUser } from "../pdca/present.ts";
import { NewUserBody, pdcaErrors, UserPatchBody, UserSchema, uuid } from "../pdca/schemas.ts";

function requireAdmin(request: FastifyRequest): void {
  if (!canManageUsers(request.auth?.user ?? null)) throw forbidden("admin-only", "only an admin manages users");
}

/** Editors need at least one zone, each known to the current release; other roles have none. */
async function checkZones(request: FastifyRequest, role: string, zones: Zone[]): Promise<void> {
  if (role !== "editor") {
    if (zones.length) throw badRequest("zones-for-editors-only", "body field 'zones': zones apply to editors only");
    return;
  }
  if (zones.length === 0) throw badRequest("editor-needs-zone", "body field 'zones': an editor needs at least one zone");
  await withRelease(request, async (release) => zones.forEach((z) => checkZone(release, z, "zones")));
}

function checkPassword(password: string): void {
  const problem = passwordProblem(password);
  if (problem) throw badRequest(problem.code, `body field 'password': ${problem.message}`, problem.params);
}

/** Accounts, for admins: list, create, and change (role, zones, name, password, disabled). */
const plugin: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.pdca;
  // After the session hook (the parent's), before the body is parsed: a non-admin gets 403 whatever they send.
  app.addHook("onRequest", async (request) => requireAdmin(request));

  app.get("/users", { schema: { tags: ["users"], summary: "Every account (admins)", response: { 200: z.object({ users: z.array(UserSchema) }), ...pdcaErrors } } }, async () => ({
    users: (await db.read((q) => listUsers(q))).map(presentUser),
  }));

  app.post(
    "/users",
    { schema: { tags: ["users"], summary: "Create an account (admins); passwords of at least 12 characters", body: NewUserBody, response: { 201: UserSchema, ...pdcaErrors } } },
    async (request, reply) => {
      const { username, displayName, role, zones, password } = request.body;
      await checkZones(request, role, zones);
      checkPassword(password);
      const passwordHash = await hashPassword(password);
      const user = await db.write((q) => createUser(q, { username, displayName, role, zones, passwordHash }, db.now()));
      request.log.info({ admin: request.auth?.user.username, user: username, role }, "user created");
      return reply.code(201).send(presentUser(user));
    },
  );

  app.patch(
    "/users/:id",
    {
      schema: {
        tags: ["users"],
        summary: "Change an account (admins): name, role, zones, password, disabled. Disabling or a new password ends the user's sessions; an admin cannot disable or demote themselves",
        params: z.strictObject({ id: uuid }),
        body: UserPatchBody,
        response: { 200: UserSchema, ...pdcaErrors },
      },
    },
    async (request) => {
      const { id } = request.params;
      const { password, ...patch } = request.body;
      const me = request.auth?.user;
      if (me?.id === id && (patch.disabled === true || (patch.role !== undefined && patch.role !== "admin")))
        throw conflict("own-account", "you cannot disable or demote your own account (another admin can)");
      const current = await db.read((q) => userById(q, id));
      if (!current) throw notFound("user-not-found", `no user ${id}`);
      const role = patch.role ?? current.role;
      if (patch.zones !== undefined || patch.role !== undefined) await checkZones(request, role, role === "editor" ? (patch.zones ?? current.zones) : (patch.zones ?? []));
      if (password !== undefined) checkPassword(password);
      const passwordHash = password === undefined ? undefined : await hashPassword(password);
      const user = await db.write((q) => updateUser(q, id, { ...patch, passwordHash }, db.now()));
      request.log.info({ admin: me?.username, user: user.username, changed: Object.keys(request.body) }, "user changed");
      return presentUser(user);
    },
  );
};
export default plugin;
