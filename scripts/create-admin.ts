// `npm run user:create-admin [username]`: the first administrator when running with DEMO=0.
import { eq } from "drizzle-orm";
import { closeDb, getDb } from "@/db";
import { runMigrations } from "@/db/migrate";
import { operationLogs, users } from "@/db/schema";
import { seedDictionaries } from "@/db/seed";
import { generateOneTimePassword, hashPassword } from "@/lib/password";

const username = process.argv[2] ?? "admin";
const db = getDb();
runMigrations(db);
seedDictionaries(db);
if (db.select().from(users).where(eq(users.username, username)).get()) {
  console.error(`用户 ${username} 已存在，未做任何修改。`);
  process.exit(1);
}
const password = generateOneTimePassword();
db.insert(users)
  .values({
    username,
    displayName: "系统管理员",
    role: "admin",
    passwordHash: await hashPassword(password),
    mustChangePassword: true,
  })
  .run();
db.insert(operationLogs)
  .values({
    username: "(命令行)",
    action: "user.create",
    objectType: "user",
    objectId: username,
    result: "ok",
    message: "user:create-admin",
    after: { username, role: "admin" },
  })
  .run();
closeDb();
console.log(`已创建管理员 ${username}，一次性密码：${password}`);
console.log("首次登录后须立即修改密码。此密码不会再次显示。");
