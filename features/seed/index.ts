import { count } from "drizzle-orm";
import type { DB } from "@/db/index";
import { dictionaryItems, type Role, users } from "@/db/schema";
import { countRegistry } from "@/features/kpi/count-queries";
import { hashPassword } from "@/lib/password";
import { DICTIONARY_SEED } from "./dictionaries";
import { seedIndicators } from "./indicators";
import { formatSeedRegistriesSummary, seedRegistries } from "./registries";

export const DEMO_PASSWORD = "Yubei@2021";

export const DEMO_USERS: { username: Role; displayName: string; role: Role }[] = [
  { username: "admin", displayName: "王管理", role: "admin" },
  { username: "staff", displayName: "李科员", role: "staff" },
  { username: "leader", displayName: "张局长", role: "leader" },
  { username: "auditor", displayName: "赵审计", role: "auditor" },
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

/** The four demo accounts, only into an empty users table (never over real accounts). */
export async function seedDemoUsers(db: DB): Promise<boolean> {
  const [{ n }] = db.select({ n: count() }).from(users).all();
  if (n > 0) return false;
  // One salt per account, so equal passwords do not show as equal hashes.
  const hashes = await Promise.all(DEMO_USERS.map(() => hashPassword(DEMO_PASSWORD)));
  db.transaction((tx) => {
    for (const [i, u] of DEMO_USERS.entries()) {
      tx.insert(users)
        .values({
          ...u,
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
  if (demo) {
    if (await seedDemoUsers(db)) log("演示账号已创建：admin / staff / leader / auditor（密码 Yubei@2021，仅供演示）");
    const sample = seedRegistries(db);
    if (sample.enterprises) log(formatSeedRegistriesSummary(sample));
  }
  // The indicator catalogue and targets are reference data; published and sample values only in demo mode.
  const sqlite = db.$client;
  const ind = seedIndicators(db, { demo, ourRegistryValue: (rule, period) => countRegistry(sqlite, rule, period) });
  if (ind.indicators)
    log(
      `指标：${ind.indicators} 项，目标 ${ind.targets} 条，区县数值 ${ind.districtValues} 条，全市总量 ${ind.cityTotals} 条`,
    );
}
