// Renders ZPL to PNG offline with zpl-renderer-js (a WASM build of zebrash),
// one PNG per ^XA…^XZ label: node zpl-render.mjs IN.zpl OUT_PREFIX WIDTH_MM HEIGHT_MM DPMM
// writes OUT_PREFIX-1.png, OUT_PREFIX-2.png … and prints their count.
import { ready } from "zpl-renderer-js";
import fs from "node:fs";

const [, , input, prefix, w = "50", h = "30", dpmm = "8"] = process.argv;
if (!input || !prefix) {
  console.error("usage: node zpl-render.mjs IN.zpl OUT_PREFIX WIDTH_MM HEIGHT_MM DPMM");
  process.exit(2);
}
const { api } = await ready;
const labels = await api.zplToBase64MultipleAsync(fs.readFileSync(input, "utf8"), +w, +h, +dpmm);
labels.forEach((b64, i) => fs.writeFileSync(`${prefix}-${i + 1}.png`, Buffer.from(b64, "base64")));
console.log(labels.length);
