import { mount } from "svelte";
import App from "./App.svelte";
import { api } from "./lib/api.ts";
import { setTopLevelNames } from "./lib/i18n/index.ts";
import { startRouter } from "./lib/router.svelte.ts";
import "./styles/app.css";
import "./styles/print.css";

// The top level is named for what the release covers; Belgium's names stay if the answer is late or fails.
async function start(): Promise<void> {
  const areas = await Promise.race([api.areas("belgium").catch(() => []), new Promise<[]>((done) => setTimeout(() => done([]), 3000))]);
  if (areas[0]) setTopLevelNames({ fr: areas[0].name_fr, nl: areas[0].name_nl, de: areas[0].name_de, en: areas[0].name_en });
  startRouter();
  mount(App, { target: document.getElementById("app")! });
}
void start();
