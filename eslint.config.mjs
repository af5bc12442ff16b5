import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { defineConfig, globalIgnores } from "eslint/config";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  {
    // The product reads its environment only through lib/env.ts (one zod schema, one message per
    // bad variable). Next.js inlines NODE_ENV and NEXT_RUNTIME at build time, so those stay.
    // Scripts, benches, tests and configs set the environment for the processes they start.
    files: ["app/**", "components/**", "lib/**", "proxy.ts", "instrumentation.ts", "instrumentation-client.ts"],
    ignores: ["lib/env.ts", "lib/testing/**", "**/*.test.ts", "lib/analysis/fixtures/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[object.object.name='process'][object.property.name='env'][property.name!=/^(NODE_ENV|NEXT_RUNTIME)$/]",
          message: "Read environment variables through lib/env.ts (add them to ZEnv).",
        },
        {
          selector: ":not(MemberExpression) > MemberExpression[object.name='process'][property.name='env']",
          message: "Read environment variables through lib/env.ts (add them to ZEnv).",
        },
      ],
    },
  },
  {
    // Layering (issue 17): the domain never depends on routes or UI; routes and UI reach the
    // database only through domain functions; analysis stays pure; an area's sub-folders are
    // its internals, which other areas reach through the area's top-level files.
    files: ["app/**", "components/**", "lib/**", "proxy.ts", "instrumentation.ts"],
    ignores: ["**/*.test.ts", "**/*.test.tsx"],
    rules: {
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            { target: "./lib", from: ["./app", "./components"], message: "lib/ is the domain: it never imports routes (app/) or UI (components/)." },
            {
              target: ["./app", "./components"],
              from: "./lib/db",
              except: ["./availability.ts", "./optimistic-lock.ts"],
              message: "Routes and UI reach the database through a domain function in lib/<area>, never lib/db.",
            },
            {
              target: "./lib/analysis",
              from: "./lib",
              except: ["./analysis", "./text", "./demo/wire-reports.ts"],
              message: "lib/analysis is pure (no database, no other areas): it runs from a CLI on plain files.",
            },
            {
              target: ["./app/**/*", "./components/**/*", "./lib/!(reports)/**/*", "./lib/*.ts", "./proxy.ts"],
              from: ["./lib/reports/parse/**/*"],
              except: ["**/lib/reports/parse/types.ts"],
              message: "lib/reports/parse is the reports area's internals: use a function or type from lib/reports/*.ts.",
            },
            {
              target: ["./app/**/*", "./components/**/*", "./lib/!(claims)/**/*", "./lib/*.ts", "./proxy.ts"],
              from: ["./lib/claims/anchoring/**/*"],
              message: "lib/claims/anchoring is the claims area's internals: use a function from lib/claims/*.ts.",
            },
          ],
        },
      ],
    },
  },
  globalIgnores([".next/**", ".data/**", "lib/generated/**", "next-env.d.ts", "test-results/**", "playwright-report/**"]),
]);
