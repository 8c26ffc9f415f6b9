// ESLint over every .js, .ts and .svelte file (`npm run lint`, part of `npm test`).
// Syntax-only rules (no type information), so the whole tree lints in seconds.
import js from "@eslint/js";
import svelte from "eslint-plugin-svelte";
import { defineConfig } from "eslint/config";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig(
  { ignores: ["node_modules/", "data/", "web/dist/", "bench/results/", "test-artifacts/"] },
  js.configs.recommended,
  tseslint.configs.recommended,
  svelte.configs.recommended,
  { languageOptions: { globals: { ...globals.node, ...globals.browser } } },
  { files: ["**/*.svelte", "**/*.svelte.ts"], languageOptions: { parserOptions: { parser: tseslint.parser } } },
  {
    rules: {
      // A leading underscore names what is left out on purpose (`{ population: _, ...rest }`).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      // Comma sequences of side effects are a deliberate idiom in loops (`(depth++, (i += 2))`).
      "@typescript-eslint/no-unused-expressions": "off",
      // Initial values before a try block and the last `++row` are deliberate, not dead code.
      "no-useless-assignment": "off",
    },
  },
  // Wichura's AS241 coefficients are kept exactly as published, beyond double precision.
  { files: ["indicators/stats/distributions.ts"], rules: { "no-loss-of-precision": "off" } },
);
