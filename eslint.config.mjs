import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";

export default [
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "test-results/**", "screenshots/**", "**/*.js", "**/*.mjs"] },
  ...officeAddins.configs.react,
  {
    files: ["**/*.ts", "**/*.tsx"],
    // The office-addins preset leaves .tsx out and falls back to espree; TypeScript needs its own parser.
    languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
    rules: {
      // TypeScript itself checks for undefined names (and knows the Office, jest and DOM globals).
      "no-undef": "off",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
];
