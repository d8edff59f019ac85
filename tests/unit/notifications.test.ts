import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import type { DB } from "@/db";
import { openSqlite } from "@/db/index";
import { runMigrations } from "@/db/migrate";
import * as schema from "@/db/schema";
import { collectNotifications } from "@/features/notifications/queries";
import { SOURCES } from "@/features/notifications/sources";
import { expiringCertificates } from "@/features/notifications/sources/certificates";
import { quarterClose } from "@/features/notifications/sources/quarter";
import type { NotificationSource } from "@/features/notifications/types";
import { seedDictionaries } from "@/features/seed";
import { makeCreditCode } from "@/lib/credit-code";
import type { CurrentUser } from "@/lib/dal";
import { makeT } from "@/lib/i18n/core";
import { FULL_SCOPE } from "@/lib/scope";

// 通知与待办's sources on a small database: what each role is told, within its scope, and the per-user read marks.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bureau-ntf-"));
const sqlite = openSqlite(path.join(dir, "ntf.db"));
const db = drizzle(sqlite, { schema }) as unknown as DB;
runMigrations(db as never);
seedDictionaries(db as never);
afterAll(() => {
  sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const t = makeT("zh-CN");
const dict = (kind: string, code: string) =>
  sqlite.prepare("SELECT id FROM dictionary_items WHERE kind = ? AND code = ?").pluck().get(kind, code) as number;
const XT = dict("street", "xiantao");
const LX = dict("street", "longxi");
const HIGH_TECH = dict("qualification_type", "national_high_tech");
const ins = (sql: string, ...p: unknown[]) => Number(sqlite.prepare(sql).run(...p).lastInsertRowid);
const userRow = (name: string, role: string) =>
  ins("INSERT INTO users (username, display_name, role, password_hash) VALUES (?, ?, ?, 'x')", name, name, role);
const asUser = (id: number, role: CurrentUser["role"], scope: CurrentUser["scope"] = FULL_SCOPE): CurrentUser => ({
  id,
  username: `u${id}`,
  displayName: `u${id}`,
  role,
  mustChangePassword: false,
  isDemo: false,
  sid: "s",
  unitKind: null,
  unitId: null,
  scope,
});
let seq = 0;
const enterprise = (street: number, status = "active") =>
  ins(
    `INSERT INTO enterprises (name, credit_code, legal_representative, founded_date, registered_capital, street_id, status)
     VALUES (?, ?, '王', '2015-01-01', 100, ?, ?)`,
    `企业${++seq}`,
    makeCreditCode("91", "500112", `MA7QD${String(seq).padStart(4, "0")}`),
    street,
    status,
  );
const cert = (e: number, expiry: string | null, deleted = false) =>
  ins(
    "INSERT INTO enterprise_qualifications (enterprise_id, type_id, awarded_date, expiry_date, deleted_at) VALUES (?, ?, '2020-01-01', ?, ?)",
    e,
    HIGH_TECH,
    expiry,
    deleted ? "2026-01-01T00:00:00Z" : null,
  );

const TODAY = "2026-12-01";
const ctx = { t, today: TODAY };
const eXt = enterprise(XT);
const eLx = enterprise(LX);
const eGone = enterprise(XT, "moved_out");
const soon = cert(eXt, "2027-01-15");
const later = cert(eLx, "2026-12-20");
cert(eXt, "2027-03-02"); // 91 days: outside the window
cert(eXt, "2026-11-30"); // already expired
cert(eXt, null); // no expiry
cert(eLx, "2027-01-01", true); // deleted
cert(eGone, "2027-01-01"); // enterprise no longer active
const staff = asUser(userRow("staff1", "staff"), "staff");
const leader = asUser(userRow("leader1", "leader"), "leader");
const auditor = asUser(userRow("auditor1", "auditor"), "auditor");

describe("expiring certificates", () => {
  it("lists live certificates of active enterprises expiring within 90 days, soonest first, linked", () => {
    const items = expiringCertificates(db, staff, ctx);
    expect(items.map((i) => i.key)).toEqual([`cert:${later}:2026-12-20`, `cert:${soon}:2027-01-15`]);
    expect(items[1]).toMatchObject({ kind: "certificate", href: `/enterprises/${eXt}`, dueAt: "2027-01-15" });
    expect(items[1].title).toContain("国家高新技术企业");
    expect(items[1].title).toContain("2027-01-15");
  });

  it("keeps to the user's data scope, and tells a role without the registers nothing", () => {
    const street = asUser(staff.id, "staff", { kind: "unit", unit: "street", unitId: XT, userId: staff.id });
    expect(expiringCertificates(db, street, ctx).map((i) => i.href)).toEqual([`/enterprises/${eXt}`]);
    expect(expiringCertificates(db, auditor, ctx)).toEqual([]);
    expect(expiringCertificates(db, leader, ctx)).toHaveLength(2);
  });
});

describe("quarter close", () => {
  it("announces the quarter's last day within 30 days, and the quarter just ended until it is closed", () => {
    expect(quarterClose(db, staff, ctx).map((i) => i.key)).toEqual(["quarter-end:2026Q4", "quarter-open:2026Q3"]);
    expect(quarterClose(db, staff, { t, today: "2026-11-15" }).map((i) => i.key)).toEqual(["quarter-open:2026Q3"]);
    sqlite.prepare("INSERT INTO quarterly_reports (quarter, status) VALUES ('2026Q3', 'closed')").run();
    expect(quarterClose(db, staff, ctx).map((i) => i.key)).toEqual(["quarter-end:2026Q4"]);
    // The leader reads summaries but does not close them.
    sqlite.prepare("DELETE FROM quarterly_reports WHERE quarter = '2026Q3'").run();
    expect(quarterClose(db, leader, ctx).map((i) => i.key)).toEqual(["quarter-end:2026Q4"]);
    expect(quarterClose(db, auditor, ctx)).toEqual([]);
  });
});

describe("read marks", () => {
  it("are per user and per item key; a new source is one more function", () => {
    const review: NotificationSource = () => [
      { key: "review:enterprise", kind: "review", title: "3 条待审核", count: 3, href: "/review" },
    ];
    const sources = [...SOURCES, review];
    const before = collectNotifications(db, staff, ctx, sources);
    expect(before.map((i) => i.key)).toContain("review:enterprise");
    expect(before.every((i) => i.readAt === null)).toBe(true);

    sqlite
      .prepare("INSERT INTO notification_reads (user_id, item_key) VALUES (?, ?)")
      .run(staff.id, `cert:${soon}:2027-01-15`);
    const after = collectNotifications(db, staff, ctx, sources);
    expect(after.filter((i) => i.readAt === null)).toHaveLength(before.length - 1);
    // Read items sort last.
    expect(after.at(-1)?.key).toBe(`cert:${soon}:2027-01-15`);
    // Another user's marks are their own.
    expect(collectNotifications(db, leader, ctx).every((i) => i.readAt === null)).toBe(true);
    // A renewed certificate (new expiry) is a new, unread item.
    sqlite.prepare("UPDATE enterprise_qualifications SET expiry_date = '2027-01-20' WHERE id = ?").run(soon);
    const renewed = collectNotifications(db, staff, ctx, sources).find((i) => i.key === `cert:${soon}:2027-01-20`);
    expect(renewed?.readAt).toBeNull();
  });
});
