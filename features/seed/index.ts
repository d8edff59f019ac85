import { and, count, eq } from "drizzle-orm";
import type { DB } from "@/db/index";
import { type DataScopeKind, dictionaryItems, type Role, type UnitKind, users } from "@/db/schema";
import { countRegistry } from "@/features/kpi/count-queries";
import { hashPassword } from "@/lib/password";
import { DICTIONARY_SEED } from "./dictionaries";
import { DICTIONARY_EN, INDICATOR_EN } from "./english";
import { seedIndicators } from "./indicators";
import { seedPolicies } from "./policies";
import { formatSeedRegistriesSummary, seedRegistries } from "./registries";

export const DEMO_PASSWORD = "Yubei@2021";

/** Demo accounts; `unit` names the organisation unit by dictionary kind and code (the scoped ones: 本单位). */
export const DEMO_USERS: {
  username: string;
  displayName: string;
  role: Role;
  unit: { kind: UnitKind; code: string };
  dataScope: DataScopeKind;
}[] = [
  {
    username: "admin",
    displayName: "王管理",
    role: "admin",
    unit: { kind: "department", code: "office" },
    dataScope: "all",
  },
  {
    username: "staff",
    displayName: "李科员",
    role: "staff",
    unit: { kind: "department", code: "innovation" },
    dataScope: "all",
  },
  {
    username: "leader",
    displayName: "张局长",
    role: "leader",
    unit: { kind: "department", code: "office" },
    dataScope: "all",
  },
  {
    username: "auditor",
    displayName: "赵审计",
    role: "auditor",
    unit: { kind: "department", code: "office" },
    dataScope: "all",
  },
  // 仙桃街道: the 镇街 with the most demo enterprises; 空港工业园区: a 园区 apart from it.
  {
    username: "street",
    displayName: "陈专干",
    role: "staff",
    unit: { kind: "street", code: "xiantao" },
    dataScope: "unit",
  },
  {
    username: "park",
    displayName: "周专干",
    role: "staff",
    unit: { kind: "park", code: "konggang_industrial_park" },
    dataScope: "unit",
  },
];

/** Dictionaries are reference data, seeded whatever the demo mode; existing items are left alone. */
export function seedDictionaries(db: DB): number {
  let added = 0;
  db.transaction((tx) => {
    for (const [kind, items] of Object.entries(DICTIONARY_SEED)) {
      items.forEach((item, i) => {
        const res = tx
          .insert(dictionaryItems)
          .values({
            kind: kind as keyof typeof DICTIONARY_SEED,
            code: item.code,
            label: item.label,
            note: item.note,
            sortOrder: (i + 1) * 10,
          })
          .onConflictDoNothing()
          .run();
        added += res.changes;
      });
    }
  });
  return added;
}

/**
 * The English forms of the seeded dictionary items and indicators (features/seed/english.ts), filled in where
 * empty — on a new database and on one created before English labels existed; an admin's edit is kept.
 */
export function seedEnglish(db: DB): void {
  const sqlite = db.$client;
  const dict = sqlite.prepare(
    "UPDATE dictionary_items SET label_en = ? WHERE kind = ? AND code = ? AND (label_en IS NULL OR label_en = '')",
  );
  const ind = sqlite.prepare(
    `UPDATE indicators SET name_en = coalesce(name_en, @name), unit_en = coalesce(unit_en, @unit),
       definition_en = coalesce(definition_en, @definition), data_source_en = coalesce(data_source_en, @dataSource),
       release_lag_en = coalesce(release_lag_en, @releaseLag) WHERE key = @key`,
  );
  sqlite.transaction(() => {
    for (const [kind, items] of Object.entries(DICTIONARY_EN))
      for (const [code, label] of Object.entries(items)) dict.run(label, kind, code);
    for (const [key, en] of Object.entries(INDICATOR_EN)) ind.run({ key, ...en });
  })();
}

/** The demo accounts, only into an empty users table (never over real accounts). */
export async function seedDemoUsers(db: DB): Promise<boolean> {
  const [{ n }] = db.select({ n: count() }).from(users).all();
  if (n > 0) return false;
  // One salt per account, so equal passwords do not show as equal hashes.
  const hashes = await Promise.all(DEMO_USERS.map(() => hashPassword(DEMO_PASSWORD)));
  db.transaction((tx) => {
    for (const [i, { unit, ...u }] of DEMO_USERS.entries()) {
      const unitId = tx
        .select({ id: dictionaryItems.id })
        .from(dictionaryItems)
        .where(and(eq(dictionaryItems.kind, unit.kind), eq(dictionaryItems.code, unit.code)))
        .get()?.id;
      tx.insert(users)
        .values({
          ...u,
          unitKind: unitId != null ? unit.kind : null,
          unitId: unitId ?? null,
          // Without its unit (dictionary edited away) a scoped demo account falls back to its own records.
          dataScope: unitId != null || u.dataScope === "all" ? u.dataScope : "own",
          passwordHash: hashes[i],
          isDemo: true,
          mustChangePassword: false,
          passwordChangedAt: new Date().toISOString(),
        })
        .run();
    }
  });
  return true;
}

export function isDemoMode(): boolean {
  return process.env.DEMO !== "0";
}

/** Everything `npm start` does to an empty database. Idempotent. */
export async function seedAll(db: DB, log: (m: string) => void = () => {}): Promise<void> {
  const added = seedDictionaries(db);
  if (added) log(`数据字典：新增 ${added} 条`);
  const demo = isDemoMode();
  // The 政策兑现 catalogue is facts (features/seed/yubei-policies.json), seeded whatever the demo mode.
  const policies = seedPolicies(db, { demo });
  if (policies) log(`政策兑现：政策 ${policies} 项`);
  if (demo) {
    if (await seedDemoUsers(db))
      log("演示账号已创建：admin / staff / leader / auditor / street / park（密码 Yubei@2021，仅供演示）");
    const sample = seedRegistries(db);
    if (sample.enterprises) log(formatSeedRegistriesSummary(sample));
  }
  // The indicator catalogue and targets are reference data; published and sample values only in demo mode.
  const sqlite = db.$client;
  const ind = seedIndicators(db, { demo, ourRegistryValue: (rule, period) => countRegistry(sqlite, rule, period) });
  seedEnglish(db);
  if (ind.indicators)
    log(
      `指标：${ind.indicators} 项，目标 ${ind.targets} 条，区县数值 ${ind.districtValues} 条，全市总量 ${ind.cityTotals} 条`,
    );
}
