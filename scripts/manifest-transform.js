/**
 * The production rewrite of manifest.xml, shared by webpack and the manifest tests:
 * every development URL (https://localhost:3000/) becomes the public URL given at build time, and
 * <Version> follows package.json so each release forces Excel to refresh its cached metadata.
 */
const DEV_URL = "https://localhost:3000/";

/** "1.2.3" → "1.2.3.0": the manifest wants four parts. */
function manifestVersion(packageVersion) {
  const parts = String(packageVersion).split("-")[0].split(".");
  while (parts.length < 4) parts.push("0");
  return parts.slice(0, 4).join(".");
}

function normalisePublicUrl(url) {
  if (!/^https:\/\/[^/\s]+/.test(url)) {
    throw new Error(`ADDIN_PUBLIC_URL must be an https:// URL (Office refuses anything else); got "${url}"`);
  }
  return url.endsWith("/") ? url : `${url}/`;
}

function transformManifest(xml, { publicUrl, version }) {
  const target = publicUrl === undefined ? DEV_URL : normalisePublicUrl(publicUrl);
  const escaped = DEV_URL.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  let out = xml.replace(new RegExp(escaped, "g"), target);
  if (publicUrl !== undefined) {
    // AppDomains list origins without a path.
    const devOrigin = DEV_URL.replace(/\/$/, "");
    out = out.replace(new RegExp(devOrigin.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "g"), new URL(target).origin);
  }
  if (version !== undefined) {
    out = out.replace(/<Version>[^<]*<\/Version>/, `<Version>${manifestVersion(version)}</Version>`);
  }
  return out;
}

module.exports = { DEV_URL, manifestVersion, normalisePublicUrl, transformManifest };
