import { createServer, type Server } from "node:net";
import { describe, expect, it } from "vitest";
import { UserError } from "../core/user-error.ts";
import { assertPortFree, busyPortMessage, chosenPort, freePort } from "./port.ts";

describe("chosenPort", () => {
  it("takes --port first, then PORT, then 8080", () => {
    expect(chosenPort(9000, { PORT: "7000" })).toBe(9000);
    expect(chosenPort(undefined, { PORT: "7000" })).toBe(7000);
    expect(chosenPort(undefined, { PORT: " " })).toBe(8080);
    expect(chosenPort(undefined, {})).toBe(8080);
    expect(chosenPort(0, { PORT: "7000" })).toBe(0);
  });

  it("refuses a PORT that is not a port", () => {
    for (const PORT of ["80a", "-1", "70000", "80.5"]) expect(() => chosenPort(undefined, { PORT }), PORT).toThrow(UserError);
  });
});

describe("assertPortFree", () => {
  it("passes a free port, and names both ways through npm for a busy one", async () => {
    const server: Server = createServer();
    await new Promise<void>((resolve) => server.listen({ port: 0, host: "127.0.0.1" }, resolve));
    const port = (server.address() as { port: number }).port;
    try {
      await expect(assertPortFree(port, "127.0.0.1")).rejects.toThrow(UserError);
      await expect(assertPortFree(port, "127.0.0.1")).rejects.toThrow(`npm start -- --port ${port + 1}`);
      await expect(assertPortFree(port, "127.0.0.1")).rejects.toThrow(`PORT=${port + 1} npm start`);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    await expect(assertPortFree(port, "127.0.0.1")).resolves.toBeUndefined();
    await expect(assertPortFree(0, "127.0.0.1")).resolves.toBeUndefined();
  });

  it("suggests a real port", () => {
    expect(busyPortMessage(8080, "127.0.0.1")).toContain("npm start -- --port 8081");
    expect(busyPortMessage(65535, "127.0.0.1")).toContain("--port 8081");
  });
});

describe("freePort", () => {
  it("gives a port that can be listened on", async () => {
    const port = await freePort();
    expect(port).toBeGreaterThan(0);
    await expect(assertPortFree(port, "127.0.0.1")).resolves.toBeUndefined();
  });
});
