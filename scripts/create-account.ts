// Shared by `npm run user:create-admin` and `npm run user:create-auditor`: the first account of a role, from the
// server's command line (the only way besides another auditor to create an auditor: 三权分立).
import { eq } from "drizzle-orm";
import { closeDb, getDb } from "@/db";
import { runMigrations } from "@/db/migrate";
import { operationLogs, type Role, users } from "@/db/schema";
import { seedDictionaries } from "@/features/seed";
import { generateOneTimePassword, hashPassword } from "@/lib/password";

export async function createAccountFromCli(role: Extract<Role, "admin" | "auditor">, argv: string[]): Promise<void> {
  const username = argv[2] ?? role;
  const label = role === "admin" ? "系统管理员" : "审计员";
  if (!/^[A-Za-z][A-Za-z0-9_-]{2,31}$/.test(username)) {
    console.error("用户名为 3–32 位字母、数字、下划线或短横线，以字母开头。");
    process.exit(1);
  }
  const db = getDb();
  runMigrations(db);
  seedDictionaries(db);
  if (db.select().from(users).where(eq(users.username, username)).get()) {
    console.error(`用户 ${username} 已存在，未做任何修改。`);
    process.exit(1);
  }
  const password = generateOneTimePassword();
  const passwordHash = await hashPassword(password);
  db.transaction((tx) => {
    tx.insert(users).values({ username, displayName: label, role, passwordHash, mustChangePassword: true }).run();
    // In the operation log the auditor reads, like every other account change.
    tx.insert(operationLogs)
      .values({
        username: "(命令行)",
        action: role === "auditor" ? "auditor.create" : "user.create",
        objectType: "user",
        objectId: username,
        result: "ok",
        message: `user:create-${role}`,
        after: { username, role },
      })
      .run();
  });
  closeDb();
  console.log(`已创建${label} ${username}，一次性密码：${password}`);
  console.log("首次登录后须立即修改密码。此密码不会再次显示。");
}
