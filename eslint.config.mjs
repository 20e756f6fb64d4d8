// One lint configuration for the dashboard, the emulator, the tests and the scripts. Formatting is Prettier's job
// (npm run format); these rules are about correctness: TypeScript, the rules of hooks, accessibility and Next.js.
import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      ".next/",
      ".next-*/",
      ".emulator*/",
      "test-results/",
      "playwright-report/",
      "coverage/",
      "next-env.d.ts",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // Unused arguments named _x are deliberate (a handler's signature, a destructured rest).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks, "jsx-a11y": jsxA11y, "@next/next": nextPlugin },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Gallerist does not run the React Compiler, so whether it could memoize a component is not our concern.
      "react-hooks/incompatible-library": "off",
      ...jsxA11y.flatConfigs.recommended.rules,
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      // A scrollable region must be reachable by keyboard (axe's scrollable-region-focusable), so code blocks and
      // scrolling lists take tabIndex={0}.
      "jsx-a11y/no-noninteractive-tabindex": [
        "error",
        { tags: ["pre", "ul"], roles: ["tabpanel"], allowExpressionValues: true },
      ],
      // Labels that wrap their radio and a name two spans deep.
      "jsx-a11y/label-has-associated-control": ["error", { depth: 3 }],
    },
  },
  {
    // Tests read service answers as loose JSON.
    files: ["**/*.test.ts", "e2e/**/*.ts", "test/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
);
