import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";

// The preset brings its own @typescript-eslint plugin object; reuse it (ESLint refuses two different ones).
const tsPlugin = officeAddins.configs.react.find((config) => config.plugins?.["@typescript-eslint"]).plugins[
  "@typescript-eslint"
];

export default [
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "test-results/**", "screenshots/**", "**/*.js", "**/*.mjs"] },
  ...officeAddins.configs.react,
  {
    files: ["**/*.ts", "**/*.tsx"],
    // The office-addins preset registers its rules for .ts only and falls back to espree; TypeScript and TSX
    // need the TypeScript parser and plugin.
    plugins: { "@typescript-eslint": tsPlugin },
    languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
    rules: {
      // TypeScript itself checks for undefined names (and knows the Office, jest and DOM globals).
      "no-undef": "off",
      "no-unused-vars": "off",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      // React 17+ automatic JSX runtime: components do not import React.
      "react/react-in-jsx-scope": "off",
    },
  },
];
