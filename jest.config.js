/*
 * Unit and UI tests: `npm test`, at most 2 minutes on a 2-core machine. Long tests are named *.slow.test.ts(x) and
 * run from jest.slow.config.js (`npm run test:slow`, which .ci/run calls); the reference tests (published values on
 * test/fixtures/reference) from jest.reference.config.js (`npm run test:reference`).
 */
const SLOW = "\\.slow\\.test\\.tsx?$";

const shared = {
  // ts-jest, with each module binding Math, Number, … once: global reads are ~20× slower in jest's vm (see the file).
  // The same for @stdlib's special functions (Math.abs in hyp2f1's loops), the only node_modules code transformed.
  transform: {
    "^.+\\.tsx?$": ["<rootDir>/test/shims/ts-transform.js", { tsconfig: "tsconfig.json" }],
    "/node_modules/@stdlib/.+\\.js$": "<rootDir>/test/shims/js-transform.js",
  },
  transformIgnorePatterns: ["/node_modules/(?!@stdlib/)"],
  moduleNameMapper: {
    // office-addin-mock pulls ESM-only packages through office-addin-manifest; jest cannot load them.
    "^office-addin-manifest$": "<rootDir>/test/shims/office-addin-manifest.js",
    // Fluent's umbrella package and its icons, each package or chunk of icons loaded when first used (see the
    // files: the same exports; the build is unchanged).
    "^@fluentui/react-components$": "<rootDir>/test/shims/fluent-components.js",
    "^@fluentui/react-icons$": "<rootDir>/test/shims/fluent-icons.js",
    "\\.(css|png|svg)$": "<rootDir>/test/shims/asset.js",
    // The pane's worker factory names its script with import.meta.url (webpack's worker syntax), which jest cannot
    // parse; without a Worker the pane computes on the main thread anyway.
    "segment-worker-factory$": "<rootDir>/test/shims/segment-worker-factory.ts",
    // Same for the custom functions' worker (src/functions/offload/functions-worker-factory.ts).
    "functions-worker-factory$": "<rootDir>/test/shims/functions-worker-factory.ts",
  },
  setupFiles: ["<rootDir>/test/shims/custom-functions.ts"],
};

module.exports = {
  projects: [
    {
      ...shared,
      displayName: "unit",
      testEnvironment: "node",
      testMatch: ["<rootDir>/test/**/*.test.ts"],
      testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/e2e/", "<rootDir>/test/reference/", SLOW],
    },
    {
      ...shared,
      displayName: "ui",
      // jsdom with a faster, equivalent selector match for getComputedStyle (see the file).
      testEnvironment: "<rootDir>/test/shims/jsdom-environment.ts",
      testMatch: ["<rootDir>/test/**/*.test.tsx"],
      testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/e2e/", SLOW],
      setupFilesAfterEnv: ["<rootDir>/test/shims/jest-dom.ts"],
      // The UI tests' 30 s ceiling is set in test/shims/jest-dom.ts (jest 29 ignores testTimeout in a project).
    },
  ],
};
