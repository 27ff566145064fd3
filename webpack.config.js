/* eslint-disable no-undef */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { transformManifest } = require("./scripts/manifest-transform");
const { LocalizedMetadataPlugin } = require("./scripts/localized-metadata-plugin");
const pkg = require("./package.json");

const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
// The pane's and the workbench's message areas (src/i18n/pane-messages.ts and workbench-messages.ts import them):
// kept out of the engine chunk the functions load.
const PANE_AREA_NAMES = ["pane-messages", "workbench-messages"].flatMap((file) =>
  [
    ...require("fs")
      .readFileSync(path.join(__dirname, `src/i18n/${file}.ts`), "utf8")
      .matchAll(/from "\.\/messages\/(\w+)"/g),
  ].map((match) => match[1]),
);
const PANE_MESSAGE_FILE = new RegExp(`/src/i18n/messages/(${PANE_AREA_NAMES.join("|")})\\.ts$`);
// Every module that declares @customfunction: the metadata plugin reads them all into functions.json.
const { FUNCTION_MODULES } = require("./scripts/function-modules");

/**
 * The production page must load office.js from Microsoft's CDN (Office Store rule); development pages
 * (the workbench, the browser tests) load the copy from @microsoft/office-js so nothing leaves the machine.
 */
class OfficeJsTagPlugin {
  constructor(src) {
    this.src = src;
  }
  apply(compiler) {
    compiler.hooks.compilation.tap("OfficeJsTagPlugin", (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap("OfficeJsTagPlugin", (data) => {
        if (data.outputName === "taskpane.html") {
          data.headTags.unshift({ tagName: "script", voidTag: false, attributes: { src: this.src } });
        }
        return data;
      });
    });
  }
}

module.exports = async (_env, argv) => {
  const dev = argv.mode !== "production";
  const publicUrl = dev ? undefined : (process.env.ADDIN_PUBLIC_URL ?? "https://customer-value.example.com/");
  if (!dev && !process.env.ADDIN_PUBLIC_URL) {
    console.warn(
      "ADDIN_PUBLIC_URL is not set: the production manifest points at https://customer-value.example.com/. " +
        "Set it to the HTTPS address where dist/ will be hosted, e.g. ADDIN_PUBLIC_URL=https://addins.example.org/cv/ npm run build",
    );
  }
  const https = dev && process.env.CV_DEV_HTTPS === "1";

  return {
    mode: dev ? "development" : "production",
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: "./src/functions/functions.ts",
      workbench: "./src/workbench/index.tsx",
      // The browser tests' probe of the pane's compute worker (development builds only).
      ...(dev
        ? {
            "compute-probe": "./src/workbench/compute-probe.ts",
            // The browser tests' probe of the custom functions' worker.
            "functions-probe": "./src/workbench/functions-probe.ts",
          }
        : {}),
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
        { test: /\.(png|jpg|jpeg|gif|ico)$/, type: "asset/resource", generator: { filename: "assets/[name][ext]" } },
      ],
    },
    optimization: {
      // The pane page loads the pane and the custom functions (shared runtime): one webpack runtime, so a module both
      // use is instantiated once, and one chunk for what both use (the engine, the catalogue's function messages,
      // @stdlib), instead of a copy in each bundle. The pane's own strings stay in taskpane.js.
      runtimeChunk: { name: "runtime" },
      splitChunks: {
        cacheGroups: {
          default: false,
          defaultVendors: false,
          engine: {
            name: "engine",
            chunks: "initial",
            enforce: true,
            test: (module) => {
              const file = (module.resource ?? "").split(path.sep).join("/");
              if (/\/src\/i18n\/(pane-messages|workbench-messages|all)\.ts$/.test(file)) return false;
              if (PANE_MESSAGE_FILE.test(file)) return false;
              return /\/src\/(engine|i18n)\//.test(file) || /\/node_modules\/@stdlib\//.test(file);
            },
          },
        },
      },
    },
    performance: { maxAssetSize: 4 * 1024 * 1024, maxEntrypointSize: 4 * 1024 * 1024 },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: FUNCTION_MODULES }),
      new LocalizedMetadataPlugin({ source: "functions.json", publicUrl }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane", "functions"],
      }),
      new HtmlWebpackPlugin({
        filename: "workbench.html",
        template: "./src/workbench/workbench.html",
        chunks: ["workbench"],
      }),
      ...(dev
        ? [
            new HtmlWebpackPlugin({
              filename: "compute-probe.html",
              template: "./src/workbench/compute-probe.html",
              chunks: ["compute-probe"],
            }),
            new HtmlWebpackPlugin({
              filename: "functions-probe.html",
              template: "./src/workbench/functions-probe.html",
              chunks: ["functions-probe"],
            }),
          ]
        : []),
      new OfficeJsTagPlugin(dev ? "office-js/office.js" : OFFICE_JS_CDN),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/help.html", to: "help.html" },
          // Server settings read from the site folder (IIS, Azure Static Web Apps); see docs/deployment.md.
          { from: "deploy/web.config", to: "web.config" },
          { from: "deploy/staticwebapp.config.json", to: "staticwebapp.config.json" },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform: (content) => transformManifest(content.toString(), { publicUrl, version: pkg.version }),
          },
          ...(dev
            ? [
                { from: "node_modules/@microsoft/office-js/dist/office.js", to: "office-js/office.js" },
                { from: "node_modules/@microsoft/office-js/dist/en-us", to: "office-js/en-us" },
                { from: "node_modules/@microsoft/office-js/dist/fr-fr", to: "office-js/fr-fr" },
              ]
            : []),
        ],
      }),
    ],
    devServer: {
      host: "localhost",
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      hot: false,
      liveReload: false,
      client: false,
      headers: { "Access-Control-Allow-Origin": "*" },
      static: false,
      server: https ? { type: "https", options: await require("office-addin-dev-certs").getHttpsServerOptions() } : "http",
      devMiddleware: { writeToDisk: false },
    },
  };
};
