"use server";
import { MAX_UPLOAD_INPUT_BYTES, readUpload } from "@/features/import/service";
import { insertAccount, publicFields } from "@/features/users/accounts";
import { ActionError, defineAction } from "@/lib/action";
import { displayValue } from "@/lib/import/cells";
import { generateOneTimePassword, hashPassword } from "@/lib/password";
import { takenUsernames, unitChoices } from "./units";
import { readUserRows, type UserImportError, validateUserRows } from "./user-import";
import { userImportCommitSchema, userImportFileSchema } from "./validations";

/**
 * 批量导入用户 · step 1: reads the template's sheet and checks every row (units against the dictionary, usernames
 * against the accounts that exist and the file itself). Writes nothing but its log row.
 */
export const previewUserImport = defineAction({
  name: "user.previewImport",
  readOnly: true,
  permission: "user.manage",
  schema: userImportFileSchema,
  maxInputBytes: MAX_UPLOAD_INPUT_BYTES,
  prepare: async ({ file }) => readUpload(file),
  handler: ({ file }, { tx, prepared, audit }) => {
    const sheet = prepared.find((s) => s.rows.length > 0 || s.headers.some((h) => h));
    if (!sheet) throw new ActionError("import.refuse.empty");
    const read = readUserRows(
      sheet.headers,
      sheet.rows.map((r) => ({ rowNumber: r.rowNumber, cells: r.cells.map(displayValue) })),
    );
    const checked = read.errors.length
      ? { users: [], errors: read.errors }
      : validateUserRows(read.rows, unitChoices(tx), takenUsernames(tx));
    audit({
      objectType: "user",
      message: file.name,
      detail: { file: file.name, rows: read.rows.length, errors: checked.errors.length },
    });
    return {
      file: file.name,
      rows: read.rows,
      users: checked.users.map((u) => ({ ...u, unitKind: u.unitKind })),
      errors: checked.errors,
    };
  },
});

/** The refusal of a commit whose rows no longer pass (changed since the preview, or a forged request). */
function refuse(errors: UserImportError[]): never {
  throw new ActionError(`setup.users.refused|n=${errors.length}`, {
    rows: errors.slice(0, 20).map((e) => `${e.key}|${encodeParams({ ...(e.params ?? {}), row: e.row ?? "" })}`),
  });
}
const encodeParams = (p: Record<string, string | number>) =>
  Object.entries(p)
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join(",");

/**
 * 批量导入用户 · step 2: creates every account of the preview in one transaction, or none. Each gets a one-time
 * password (returned once, never stored in clear) that must be changed at first sign-in. One operation-log row
 * lists the accounts created (without password hashes).
 */
export const importUsers = defineAction({
  name: "user.import",
  permission: "user.manage",
  schema: userImportCommitSchema,
  // Hashing is slow: the passwords are made before the transaction opens (at most 200 rows).
  prepare: async ({ rows }) =>
    Promise.all(
      rows.map(async () => {
        const password = generateOneTimePassword();
        return { password, hash: await hashPassword(password) };
      }),
    ),
  handler: ({ rows, file }, { tx, user, prepared, audit }) => {
    const checked = validateUserRows(rows, unitChoices(tx), takenUsernames(tx));
    if (checked.errors.length) refuse(checked.errors);
    const created = checked.users.map((u, i) => {
      const account = insertAccount(
        tx,
        {
          username: u.username,
          displayName: u.displayName,
          role: u.role,
          unitKind: u.unitKind,
          unitId: u.unitId,
          dataScope: u.dataScope,
        },
        user.id,
        prepared[i].hash,
      );
      return { account, oneTimePassword: prepared[i].password, unitLabel: u.unitLabel };
    });
    audit({
      objectType: "user",
      message: file || undefined,
      after: { users: created.map((c) => publicFields(c.account)) },
      detail: { file: file || null, created: created.length },
    });
    return {
      users: created.map((c) => ({
        id: c.account.id,
        username: c.account.username,
        displayName: c.account.displayName,
        role: c.account.role,
        unitLabel: c.unitLabel,
        dataScope: c.account.dataScope,
        oneTimePassword: c.oneTimePassword,
      })),
    };
  },
  revalidate: ["/admin/users", "/setup"],
});
