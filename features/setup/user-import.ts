// Bulk creation of user accounts from the 用户导入模板 (one sheet: 姓名, 用户名, 单位, 角色, 数据范围). Pure: the
// caller supplies the sheet's cells, the unit dictionary and the usernames already taken, so the preview, the
// commit (which validates again inside its transaction) and the unit tests run the same checks.
import type { DataScopeKind, Role, UnitKind } from "@/db/enums";

/** The template's columns, in order (a header row is required; column order is read from it). */
export const USER_IMPORT_COLUMNS = ["姓名", "用户名", "单位", "角色", "数据范围"] as const;
export type UserImportColumn = (typeof USER_IMPORT_COLUMNS)[number];
/** At most this many accounts per file: a bureau's 科室, 镇街 and 园区 users fit many times over. */
export const USER_IMPORT_MAX_ROWS = 200;

/** Role and scope words accepted in the file (the labels the admin's form shows, and the codes). */
export const ROLE_WORDS: Record<string, Role> = {
  系统管理员: "admin",
  管理员: "admin",
  业务科室工作人员: "staff",
  业务人员: "staff",
  工作人员: "staff",
  领导: "leader",
  admin: "admin",
  staff: "staff",
  leader: "leader",
};
export const SCOPE_WORDS: Record<string, DataScopeKind> = {
  全区: "all",
  本单位: "unit",
  本镇街: "unit",
  本园区: "unit",
  "本单位（本镇街/本园区）": "unit",
  仅本人录入: "own",
  本人: "own",
  all: "all",
  unit: "unit",
  own: "own",
};

export type UnitChoice = { kind: UnitKind; id: number; label: string; enabled: boolean };

/** One account to create, as the file gave it (names and words, not ids: the commit resolves them again). */
export type UserImportRow = {
  row: number;
  displayName: string;
  username: string;
  unit: string;
  role: string;
  dataScope: string;
};

/** An account resolved against the dictionary. */
export type ResolvedUser = {
  row: number;
  displayName: string;
  username: string;
  role: Exclude<Role, "auditor">;
  unitKind: UnitKind | null;
  unitId: number | null;
  unitLabel: string;
  dataScope: DataScopeKind;
};

/** A refusal: `row` is the Excel row number (null = the whole file), `key` a catalogue key. */
export type UserImportError = {
  row: number | null;
  column: UserImportColumn | null;
  key: string;
  params?: Record<string, string | number>;
};

const USERNAME = /^[A-Za-z][A-Za-z0-9_-]{2,31}$/;
// NUL and other control characters, bidi overrides: never in a name.
const hasBadChars = (s: string) =>
  [...s].some((ch) => {
    const c = ch.codePointAt(0) as number;
    return c < 0x20 || c === 0x7f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
  });

const clean = (v: unknown): string =>
  v === null || v === undefined
    ? ""
    : String(v)
        .replace(/[\u00a0\u3000]/g, " ")
        .trim();
const squash = (s: string) => s.replace(/\s+/g, "");

/**
 * Reads the sheet's rows into accounts by header (the "*" required marker and spaces ignored). Blank rows are
 * skipped; a missing column refuses the whole file.
 */
export function readUserRows(
  headers: string[],
  rows: { rowNumber: number; cells: unknown[] }[],
): { rows: UserImportRow[]; errors: UserImportError[] } {
  const at = new Map<string, number>();
  headers.forEach((h, i) => {
    const name = squash(clean(h).replace(/^\*/, ""));
    if (!at.has(name)) at.set(name, i);
  });
  const missing = USER_IMPORT_COLUMNS.filter((c) => !at.has(c));
  if (missing.length)
    return {
      rows: [],
      errors: [{ row: null, column: null, key: "setup.users.missingColumns", params: { columns: missing.join("、") } }],
    };
  const cell = (cells: unknown[], c: UserImportColumn) => clean(cells[at.get(c) as number]);
  const out: UserImportRow[] = [];
  for (const r of rows) {
    const v = {
      row: r.rowNumber,
      displayName: cell(r.cells, "姓名"),
      username: cell(r.cells, "用户名"),
      unit: cell(r.cells, "单位"),
      role: cell(r.cells, "角色"),
      dataScope: cell(r.cells, "数据范围"),
    };
    if (!v.displayName && !v.username && !v.unit && !v.role && !v.dataScope) continue;
    out.push(v);
  }
  if (out.length === 0) return { rows: [], errors: [{ row: null, column: null, key: "setup.users.empty" }] };
  if (out.length > USER_IMPORT_MAX_ROWS)
    return {
      rows: [],
      errors: [
        { row: null, column: null, key: "setup.users.tooMany", params: { n: out.length, max: USER_IMPORT_MAX_ROWS } },
      ],
    };
  return { rows: out, errors: [] };
}

/**
 * Checks every row (all of them, so the preview lists every problem at once) against the dictionary of units and
 * the usernames already taken (lower-cased). The file is accepted only without any error: all or nothing.
 */
export function validateUserRows(
  rows: UserImportRow[],
  units: UnitChoice[],
  takenUsernames: Set<string>,
): { users: ResolvedUser[]; errors: UserImportError[] } {
  const errors: UserImportError[] = [];
  const users: ResolvedUser[] = [];
  // A unit is found by its label; a label two kinds share (a 镇街 and a 园区 of one name) is ambiguous.
  const byLabel = new Map<string, UnitChoice[]>();
  for (const u of units) {
    const k = squash(u.label);
    byLabel.set(k, [...(byLabel.get(k) ?? []), u]);
  }
  const seen = new Map<string, number>();
  for (const r of rows) {
    const err = (column: UserImportColumn, key: string, params?: Record<string, string | number>) =>
      errors.push({ row: r.row, column, key, params });
    const before = errors.length;

    if (!r.displayName) err("姓名", "setup.users.nameRequired");
    else if (r.displayName.length > 50) err("姓名", "setup.users.nameTooLong", { max: 50 });
    else if (hasBadChars(r.displayName)) err("姓名", "setup.users.badChars");

    const username = r.username;
    if (!username) err("用户名", "setup.users.usernameRequired");
    else if (!USERNAME.test(username)) err("用户名", "setup.users.usernameFormat", { value: username });
    else {
      const key = username.toLowerCase();
      const first = seen.get(key);
      if (first !== undefined) err("用户名", "setup.users.usernameRepeated", { value: username, first });
      else if (takenUsernames.has(key)) err("用户名", "setup.users.usernameTaken", { value: username });
      seen.set(key, first ?? r.row);
    }

    const roleWord = squash(r.role);
    const role = ROLE_WORDS[roleWord] ?? ROLE_WORDS[roleWord.toLowerCase()];
    if (!r.role) err("角色", "setup.users.roleRequired");
    else if (roleWord === "审计员" || roleWord.toLowerCase() === "auditor") err("角色", "setup.users.auditorReserved");
    else if (!role) err("角色", "setup.users.roleUnknown", { value: r.role });

    let unit: UnitChoice | null = null;
    if (r.unit) {
      const found = byLabel.get(squash(r.unit)) ?? [];
      if (found.length === 0) err("单位", "setup.users.unitUnknown", { value: r.unit });
      else if (found.length > 1) err("单位", "setup.users.unitAmbiguous", { value: r.unit });
      else if (!found[0].enabled) err("单位", "setup.users.unitDisabled", { value: r.unit });
      else unit = found[0];
    }

    const scopeWord = squash(r.dataScope);
    const dataScope: DataScopeKind | undefined = r.dataScope
      ? (SCOPE_WORDS[scopeWord] ?? SCOPE_WORDS[scopeWord.toLowerCase()])
      : "all";
    if (!dataScope) err("数据范围", "setup.users.scopeUnknown", { value: r.dataScope });
    else if (dataScope === "unit" && r.unit && unit && unit.kind === "department")
      err("数据范围", "setup.users.scopeNeedsArea");
    else if (dataScope === "unit" && !r.unit) err("数据范围", "setup.users.scopeNeedsArea");

    if (errors.length === before && role && role !== "auditor" && dataScope)
      users.push({
        row: r.row,
        displayName: r.displayName,
        username,
        role,
        unitKind: unit?.kind ?? null,
        unitId: unit?.id ?? null,
        unitLabel: unit?.label ?? "",
        dataScope,
      });
  }
  return { users: errors.length ? [] : users, errors };
}
