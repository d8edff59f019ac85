import { expect, test } from "@playwright/test";

// public/: the favicon, app icons and web manifest, served to a browser without a session, with their types.

/** Width × height from a PNG's IHDR chunk. */
function pngSize(buf: Buffer): [number, number] {
  expect(buf.subarray(1, 4).toString("latin1")).toBe("PNG");
  return [buf.readUInt32BE(16), buf.readUInt32BE(20)];
}

test("favicon, icons and manifest are served without a session, with the right content types", async ({
  playwright,
  baseURL,
}) => {
  const request = await playwright.request.newContext({ baseURL, maxRedirects: 0 });

  const favicon = await request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()["content-type"]).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)/);
  const ico = await favicon.body();
  expect(ico.readUInt16LE(2)).toBe(1); // an icon resource
  expect(ico.readUInt16LE(4)).toBeGreaterThan(0);

  const manifest = await request.get("/manifest.webmanifest");
  expect(manifest.status()).toBe(200);
  expect(manifest.headers()["content-type"]).toMatch(/^application\/manifest\+json/);
  const m = JSON.parse(await manifest.text());
  expect(m.short_name).toBe("渝北区科技局");
  expect(m.name).toContain("渝北区科技局");
  expect(m.start_url).toBe("/");

  for (const icon of m.icons as { src: string; sizes: string; type: string }[]) {
    const res = await request.get(icon.src);
    expect(res.status(), icon.src).toBe(200);
    expect(res.headers()["content-type"]).toBe("image/png");
    expect(pngSize(await res.body()).join("x")).toBe(icon.sizes);
  }
  expect((m.icons as { sizes: string }[]).map((i) => i.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));

  const apple = await request.get("/apple-touch-icon.png");
  expect(apple.status()).toBe(200);
  expect(pngSize(await apple.body())).toEqual([180, 180]);

  // Every page names them.
  const login = await request.get("/login");
  const html = await login.text();
  expect(html).toContain('rel="manifest" href="/manifest.webmanifest"');
  expect(html).toContain('rel="apple-touch-icon" href="/apple-touch-icon.png"');
  await request.dispose();
});
