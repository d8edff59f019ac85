// `npx tsx scripts/generate-icons.ts`: renders app/icon.svg with Chromium into the PNG app icons and favicon.ico
// under public/ (committed; run again only when the icon changes). No download: the local Chromium draws them.
import fs from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumExecutable } from "../e2e/chromium";

const root = process.cwd();
const svg = fs.readFileSync(path.join(root, "app/icon.svg"), "utf8");
const out = path.join(root, "public");

/** An ICO file holding PNG images (supported by every browser and by Windows since Vista). */
function ico(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  const entries: Buffer[] = [];
  let offset = 6 + 16 * images.length;
  for (const { size, png } of images) {
    const e = Buffer.alloc(16);
    e.writeUInt8(size >= 256 ? 0 : size, 0);
    e.writeUInt8(size >= 256 ? 0 : size, 1);
    e.writeUInt8(0, 2); // no palette
    e.writeUInt8(0, 3);
    e.writeUInt16LE(1, 4); // colour planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(png.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += png.length;
    entries.push(e);
  }
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}

async function main() {
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
  const page = await browser.newPage();
  const render = async (size: number, opts: { padding?: number; background?: string } = {}) => {
    const pad = opts.padding ?? 0;
    await page.setViewportSize({ width: size, height: size });
    const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
    await page.setContent(
      `<html><body style="margin:0;background:${opts.background ?? "transparent"}"><img src="${src}" style="display:block;margin:${pad}px;width:${size - 2 * pad}px;height:${size - 2 * pad}px"></body></html>`,
    );
    await page.locator("img").evaluate((img: HTMLImageElement) => img.decode());
    return page.screenshot({ omitBackground: !opts.background, clip: { x: 0, y: 0, width: size, height: size } });
  };
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, "icon-192.png"), await render(192));
  fs.writeFileSync(path.join(out, "icon-512.png"), await render(512));
  // Maskable: the same mark inside the safe zone (80%), on the icon's own colour to the edges.
  fs.writeFileSync(path.join(out, "icon-maskable-512.png"), await render(512, { padding: 51, background: "#1e2a5a" }));
  fs.writeFileSync(path.join(out, "apple-touch-icon.png"), await render(180, { background: "#1e2a5a" }));
  const sizes = [16, 32, 48];
  const images = [];
  for (const size of sizes) images.push({ size, png: await render(size) });
  fs.writeFileSync(path.join(out, "favicon.ico"), ico(images));
  await browser.close();
  console.log("public/: icon-192.png, icon-512.png, icon-maskable-512.png, apple-touch-icon.png, favicon.ico");
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
