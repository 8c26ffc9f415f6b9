// A whole PDCA cycle in the browser, as a zone editor does it: sign in, create a cycle on the
// zone, add an action, move to do and to check, read the signal, decide, close. Text holding
// script and SQL is shown verbatim and escaped (no dialog, no injected element).
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedUser, PASSWORD } from "../../server/test-support/pdca.ts";
import { temporaryDirectory } from "../../server/test-support/app.ts";
import { axeViolations, buildDashboard, CHROMIUM, openDashboard, screenshot, type Dashboard } from "./support.ts";

const TITLE = `<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> GMD for all`;
const PROBLEM = `Coverage is low'; DROP TABLE cycles; -- and "quoted" & <b>bold</b>`;

describe.skipIf(!existsSync(CHROMIUM))("a PDCA cycle in Chromium", () => {
  let d: Dashboard;
  let dialogs = 0;
  beforeAll(async () => {
    d = await openDashboard({ webDir: await buildDashboard(), appDb: join(temporaryDirectory("boussole-pdca-web-"), "app.duckdb") });
    await seedUser(d.app, "editor.z01", "editor", [{ system: "ZPL", zone: "Z01" }]);
    d.page.on("dialog", (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });
  }, 180_000);
  afterAll(async () => d?.close());

  it("refuses a wrong password in the page's language, then signs in", async () => {
    const { page } = d;
    await page.goto(`${d.url}/en/pdca/ZPL/Z01`);
    await page.fill('input[name="username"]', "editor.z01");
    await page.fill('input[name="password"]', "not the password");
    await page.click('form.sign-in button[type="submit"]');
    await expect.poll(() => page.locator("form.sign-in .error").textContent()).toMatch(/\w/);
    await page.fill('input[name="password"]', PASSWORD);
    await page.click('form.sign-in button[type="submit"]');
    await page.waitForSelector("p.signed-in");
    expect(await page.textContent("p.signed-in")).toContain("EDITOR.Z01");
  });

  it("creates a cycle, acts, checks, decides and closes it", async () => {
    const { page } = d;
    await page.waitForSelector("form.cycle-form");
    await page.selectOption("form.cycle-form select", "gmd-coverage");
    await page.fill('input[name="title"]', TITLE);
    await page.fill('textarea[name="problem"]', PROBLEM);
    await page.fill('input[name="target-value"]', "80");
    await page.fill('input[name="target-date"]', "2027-12-31");
    await page.fill('input[name="actions-from"]', "2023");
    await page.click('form.cycle-form button[type="submit"]');
    await page.waitForURL(/\/en\/pdca\/ZPL\/Z01\/[0-9a-f-]{36}$/);
    await page.waitForSelector("article.cycle[data-phase=plan]");

    // Verbatim and escaped: the text is there, nothing of it ran or became an element.
    expect(await page.textContent("h2.cycle-title")).toBe(TITLE);
    expect(await page.textContent("dd.problem")).toBe(PROBLEM);
    expect(await page.locator("main script, main img[src=x], main dd.problem b").count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

    // Edit the plan: a sharper title and a later target.
    await page.click("button[data-edit]");
    await page.fill('input[name="edit-title"]', `${TITLE} (revised)`);
    await page.fill('input[name="edit-target-value"]', "82");
    await page.click('form.cycle-form button[type="submit"]');
    await expect.poll(() => page.textContent("h2.cycle-title")).toBe(`${TITLE} (revised)`);
    expect(await page.textContent(".cycle-facts")).toContain("82.0%");

    await page.fill('input[name="action-description"]', "Call every patient without a GMD");
    await page.fill('input[name="action-owner"]', "Zone coordinator");
    await page.click('.inline-form button[type="submit"] >> nth=0');
    await page.waitForSelector("tr[data-action] td.action-description");
    expect(await page.textContent("tr[data-action] td.action-description")).toBe("Call every patient without a GMD");

    for (const phase of ["do", "check", "act"]) {
      await page.click(`button[data-move="${phase}"]`);
      await page.waitForSelector(`article.cycle[data-phase=${phase}]`);
    }
    // The check, computed from the release: a verdict in words and its XmR chart.
    const verdict = page.locator(".verdict").first();
    expect(await verdict.getAttribute("data-verdict")).toMatch(/^(improvement|concern|neither|no-signal|not-enough-data)$/);
    expect((await verdict.textContent())!.trim().length).toBeGreaterThan(5);
    expect(await page.locator(".check [data-chart] svg").count()).toBe(1);
    const status = page.locator("tr[data-action] select");
    await status.selectOption("done");
    await expect.poll(() => page.locator("tr[data-action] select").inputValue()).toBe("done");

    await page.selectOption('select[name="decision"]', "adopt");
    await page.click('button[data-move="closed"]');
    await page.waitForSelector("article.cycle[data-phase=closed]");
    expect(await page.getAttribute("dd[data-decision]", "data-decision")).toBe("adopt");
    // Closed is final: no more moves or forms.
    expect(await page.locator("button[data-move], form.inline-form input[name=action-description]").count()).toBe(0);
    // Every change is in the timeline: created, edited, action added, three moves, status, close.
    expect(await page.locator(".timeline li").count()).toBe(8);
    expect(await page.textContent(".timeline li:last-child")).toContain("editor.z01: moved it from “Act” to “Closed” (Adopt)");
    expect(dialogs).toBe(0);
    await screenshot(page, "pdca-cycle-closed");
    expect(await axeViolations(page)).toEqual([]);
  });

  it("shows the new cycle in the zone's list after a reload, still signed in", async () => {
    const { page } = d;
    await page.goto(`${d.url}/fr/pdca/ZPL/Z01`);
    await page.waitForSelector(".cycle-list li");
    expect(await page.textContent(".cycle-list li a")).toBe(`${TITLE} (revised)`);
    expect(await page.textContent(".cycle-list li .tag")).toBe("Clôturé");
    expect(d.problems.filter((p) => !p.includes("/auth/login"))).toEqual([]);
  });
});
