#!/usr/bin/env -S node --max-semi-space-size=64
// Entry point of the `boussole` CLI. TypeScript sources run through tsx's loader,
// so there is no build step between a clone and a working command.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../cli/main.ts");
process.exitCode = await main(process.argv);
