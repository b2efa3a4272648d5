import js from "@eslint/js";
import tseslint from "typescript-eslint";

/**
 * The layers (README "Where code goes"): routes → models → (utils, rules, lib) → db. Nothing below imports
 * upwards; `rules/` and `lib/` are pure (no database, no Remix, no bindings). scripts/check-layers.ts proves
 * that each rule below refuses a wrong import (it runs with `npm run lint`).
 */
const folder = (name) => [`**/${name}`, `**/${name}/**`];
const LAYERS = "layers: routes → models → (utils, rules, lib) → db; see the README (Where code goes)";

/** A `no-restricted-imports` rule refusing imports from the named app folders (and packages). */
function refuse(folders, packages = []) {
  return {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          ...folders.map((name) => ({ group: folder(name), message: `${LAYERS}: not ${name}/ from here` })),
          ...packages.map((name) => ({ group: [name], message: `${LAYERS}: ${name} is not for this layer` })),
        ],
      },
    ],
  };
}

export default tseslint.config(
  { ignores: ["build/", ".wrangler/", "node_modules/", "worker-configuration.d.ts", "test-results/", "playwright-report/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: "module" },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-namespace": "off",
    },
  },
  { files: ["**/*.d.ts"], rules: { "@typescript-eslint/no-empty-object-type": "off" } },

  // lib/: domain-free helpers (clock, text, ids, hashing, bytes). Only lib/ and content/.
  {
    files: ["app/lib/**/*.{ts,tsx}"],
    ignores: ["app/lib/schemas/**"],
    rules: refuse(["rules", "models", "utils", "routes", "components", "jobs", "mail", "db"], ["drizzle-orm*", "@remix-run/*"]),
  },
  // lib/schemas/: form schemas shared by browser and server; they use the domain's vocabulary from rules/.
  {
    files: ["app/lib/schemas/**/*.{ts,tsx}"],
    rules: refuse(["models", "utils", "routes", "components", "jobs", "mail", "db"], ["drizzle-orm*", "@remix-run/*"]),
  },
  // rules/: the domain's decisions, pure functions of their inputs (the clock is one).
  {
    files: ["app/rules/**/*.{ts,tsx}"],
    rules: refuse(["models", "utils", "routes", "components", "jobs", "mail", "db"], ["drizzle-orm*", "@remix-run/*"]),
  },
  // mail/: the texts of system mail.
  {
    files: ["app/mail/**/*.{ts,tsx}"],
    rules: refuse(["models", "utils", "routes", "components", "jobs", "db"], ["drizzle-orm*"]),
  },
  // utils/: cross-cutting server code (guard, session, cookies, flash, mail outbox, SQL helpers).
  {
    files: ["app/utils/**/*.{ts,tsx}"],
    rules: refuse(["models", "routes", "components", "jobs"]),
  },
  // models/: data access with the actor's scope in the SQL.
  {
    files: ["app/models/**/*.{ts,tsx}"],
    rules: refuse(["routes", "components", "jobs"]),
  },
  // jobs/: scheduled work; calls models like a route does.
  {
    files: ["app/jobs/**/*.{ts,tsx}"],
    rules: refuse(["routes", "components"]),
  },
  // components/: UI only, no server modules, no data access.
  {
    files: ["app/components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/*.server", "drizzle-orm*"], message: "components are UI only: no server code or data access" },
            ...["models", "routes", "jobs", "db"].map((name) => ({ group: folder(name), message: `${LAYERS}: not ${name}/ from a component` })),
          ],
        },
      ],
    },
  },
  // db/: the schema; it imports nothing of the app.
  {
    files: ["db/**/*.ts"],
    rules: refuse(["app", "models", "utils", "rules", "lib", "routes", "components"]),
  },
);
