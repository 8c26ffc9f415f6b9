/**
 * `boussole users …`: accounts in app.duckdb, for the first admin and for when the server is
 * stopped (while `serve` runs it holds the file: use the admin API then). Passwords never go on
 * the command line (it shows in `ps` and shell history): BOUSSOLE_PASSWORD, or a prompt at a
 * terminal.
 */
import { createInterface } from "node:readline";
import type { Command } from "commander";
import { UserError } from "../core/user-error.ts";
import { hashPassword, passwordProblem } from "../pdca/accounts/password.ts";
import { USERNAME, USERNAME_RULE } from "../pdca/accounts/usernames.ts";
import { formatZones, parseZones } from "../pdca/accounts/zones.ts";
import { AppDatabase, createUser, type Queries, listUsers, ROLES, StoreError, updateUser, userByUsername, type Role, type User } from "../pdca/store/index.ts";

export const PASSWORD_VARIABLE = "BOUSSOLE_PASSWORD";
const DEFAULT_APP_DB = "data/app.duckdb";

/** Reads a line without echoing it. */
function askHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    const output = rl as unknown as { _writeToOutput: (s: string) => void };
    let muted = false;
    output._writeToOutput = (s) => {
      if (!muted) process.stderr.write(s);
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stderr.write("\n");
      resolve(answer);
    });
    muted = true;
  });
}

async function newPassword(): Promise<string> {
  let password = process.env[PASSWORD_VARIABLE] || undefined;
  if (password === undefined) {
    if (!process.stdin.isTTY) throw new UserError(`no password: set ${PASSWORD_VARIABLE}, or run the command at a terminal to be asked`, 2);
    password = await askHidden("Password: ");
    if ((await askHidden("Password again: ")) !== password) throw new UserError("the two passwords differ", 2);
  }
  const problem = passwordProblem(password);
  if (problem) throw new UserError(problem.message, 2);
  return password;
}

function checkUsername(name: string): string {
  const username = name.toLowerCase();
  if (!USERNAME.test(username)) throw new UserError(`invalid username '${name}': expected ${USERNAME_RULE}`, 2);
  return username;
}

async function withDb<T>(path: string, work: (db: AppDatabase) => Promise<T>): Promise<T> {
  let db: AppDatabase;
  try {
    db = await AppDatabase.open(path);
  } catch (e) {
    if (e instanceof StoreError) throw new UserError(e.message, e.kind === "busy" ? 1 : 2);
    throw e;
  }
  try {
    return await work(db);
  } catch (e) {
    if (e instanceof StoreError) throw new UserError(e.message, 1);
    throw e;
  } finally {
    await db.close();
  }
}

/** The user's id, looked up in the same unit of work (a nested one would wait for this one forever). */
async function existing(q: Queries, username: string): Promise<string> {
  const user = await userByUsername(q, checkUsername(username));
  if (!user) throw new UserError(`no user '${username}'`, 1);
  return user.id;
}

const describe = (u: User) =>
  `${u.username}\t${u.role}\t${u.disabled ? "disabled" : u.lockedUntil && u.lockedUntil > new Date() ? "locked" : "active"}\t${formatZones(u.zones) || "-"}\t${u.displayName}`;

export function usersCommand(program: Command): void {
  const users = program.command("users").description("Manage the accounts that sign in to edit PDCA cycles (app.duckdb; stop the server first, or use the admin API).");
  const appDb = ["--app-db <file>", "the server's app database", DEFAULT_APP_DB] as const;

  users
    .command("add <username>")
    .description(`Add an account. The password comes from ${PASSWORD_VARIABLE} or is asked at the terminal (at least 12 characters).`)
    .requiredOption("--role <role>", `${ROLES.join(", ")}: editors write for their zones, analysts for every zone, admins also manage users`)
    .option("--zones <list>", "editors: the zones they write for, SYSTEM:ZONE[,SYSTEM:ZONE…] as in the release (e.g. ZPL:Z01)")
    .option("--name <display name>", "the name shown to others (default: the username)")
    .option(...appDb)
    .action(async (name: string, o: { role: string; zones?: string; name?: string; appDb: string }) => {
      const username = checkUsername(name);
      if (!(ROLES as readonly string[]).includes(o.role)) throw new UserError(`--role must be one of ${ROLES.join(", ")}`, 2);
      const role = o.role as Role;
      let zones;
      try {
        zones = parseZones(o.zones ?? "");
      } catch (e) {
        throw new UserError(`--zones: ${(e as Error).message}`, 2);
      }
      if (role === "editor" && zones.length === 0) throw new UserError("an editor needs --zones SYSTEM:ZONE[,…]", 2);
      if (role !== "editor" && zones.length > 0) throw new UserError("--zones applies to editors only", 2);
      const passwordHash = await hashPassword(await newPassword());
      const user = await withDb(o.appDb, (db) => db.write((q) => createUser(q, { username, displayName: o.name ?? username, role, zones, passwordHash }, db.now())));
      process.stdout.write(`added ${describe(user)}\n`);
    });

  users
    .command("list")
    .description("List the accounts: username, role, state, zones, name.")
    .option("--json", "as JSON")
    .option(...appDb)
    .action(async (o: { json?: boolean; appDb: string }) => {
      const list = await withDb(o.appDb, (db) => db.read((q) => listUsers(q)));
      process.stdout.write(o.json ? `${JSON.stringify(list, null, 2)}\n` : list.length ? `${list.map(describe).join("\n")}\n` : "no accounts\n");
    });

  users
    .command("disable <username>")
    .description("Disable an account and end its sessions.")
    .option(...appDb)
    .action(async (name: string, o: { appDb: string }) => {
      const user = await withDb(o.appDb, async (db) => db.write(async (q) => updateUser(q, await existing(q, name), { disabled: true }, db.now())));
      process.stdout.write(`disabled ${user.username}\n`);
    });

  users
    .command("enable <username>")
    .description("Enable an account again (also lifts a lockout).")
    .option(...appDb)
    .action(async (name: string, o: { appDb: string }) => {
      const user = await withDb(o.appDb, async (db) => db.write(async (q) => updateUser(q, await existing(q, name), { disabled: false }, db.now())));
      process.stdout.write(`enabled ${user.username}\n`);
    });

  users
    .command("password <username>")
    .description(`Set a new password (from ${PASSWORD_VARIABLE} or asked); ends the account's sessions and lifts a lockout.`)
    .option(...appDb)
    .action(async (name: string, o: { appDb: string }) => {
      const passwordHash = await hashPassword(await newPassword());
      const user = await withDb(o.appDb, async (db) => db.write(async (q) => updateUser(q, await existing(q, name), { passwordHash }, db.now())));
      process.stdout.write(`new password for ${user.username}\n`);
    });
}
