import fs from "node:fs";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Dictionary labels and options are cached per connection while dictionary_version is unchanged; every change of
// dictionary_items raises it through triggers (migration 0023), whoever writes: the cache must never serve a
// label an admin (or a raw SQL fix from another connection) has changed.

const dir = vi.hoisted(() => {
  const d = require("node:fs").mkdtempSync(require("node:path").join(require("node:os").tmpdir(), "bureau-dict-"));
  process.env.DATABASE_URL = require("node:path").join(d, "dict.db");
  return d as string;
});

import { closeDb, getDb } from "@/db";
import { runMigrations } from "@/db/migrate";
import { seedDictionaries } from "@/features/seed";
import { getDictionaryLabels, getDictionaryOptions } from "@/lib/registry/dictionaries";

beforeAll(() => {
  runMigrations(getDb());
  seedDictionaries(getDb());
});
afterAll(() => {
  closeDb();
  fs.rmSync(dir, { recursive: true, force: true });
});

const streetId = () =>
  getDb()
    .$client.prepare("SELECT id FROM dictionary_items WHERE kind = 'street' AND code = 'xiantao'")
    .pluck()
    .get() as number;

describe("dictionary cache", () => {
  it("serves the same labels until dictionary_items changes, then the new ones", () => {
    const id = streetId();
    const first = getDictionaryLabels();
    expect(first.get(id)).toBe("仙桃街道");
    expect(getDictionaryLabels()).toBe(first); // cached: the same object
    const options = getDictionaryOptions(["street"]);
    expect(getDictionaryOptions(["street"])).toBe(options);

    // A raw change from another connection (as a script or a SQL fix would make it).
    const other = new Database(process.env.DATABASE_URL as string);
    other.prepare("UPDATE dictionary_items SET label = '仙桃街道（新）' WHERE id = ?").run(id);
    expect(getDictionaryLabels().get(id)).toBe("仙桃街道（新）");
    expect(getDictionaryOptions(["street"]).street?.find((o) => o.id === id)?.label).toBe("仙桃街道（新）");

    // An insert and a delete raise it too.
    const added = Number(
      other
        .prepare("INSERT INTO dictionary_items (kind, code, label) VALUES ('street', 'test_new', '测试新街道')")
        .run().lastInsertRowid,
    );
    expect(getDictionaryLabels().get(added)).toBe("测试新街道");
    other.prepare("DELETE FROM dictionary_items WHERE id = ?").run(added);
    expect(getDictionaryLabels().has(added)).toBe(false);
    // English labels are cached apart from the Chinese ones.
    other.prepare("UPDATE dictionary_items SET label_en = 'Xiantao (new)' WHERE id = ?").run(id);
    expect(getDictionaryLabels("en").get(id)).toBe("Xiantao (new)");
    expect(getDictionaryLabels("zh-CN").get(id)).toBe("仙桃街道（新）");
    other.close();
  });
});
