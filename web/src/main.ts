import { mount } from "svelte";
import App from "./App.svelte";
import { startRouter } from "./lib/router.svelte.ts";
import "./styles/app.css";
import "./styles/print.css";

startRouter();
mount(App, { target: document.getElementById("app")! });
