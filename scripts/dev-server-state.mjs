// Where `npm start` records the dev server it started, so `npm stop` can end it.
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHash } from "node:crypto";

const id = createHash("sha1").update(process.cwd()).digest("hex").slice(0, 10);
export const STATE_FILE = join(tmpdir(), `customer-value-dev-server-${id}.json`);
