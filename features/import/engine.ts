import type Database from "better-sqlite3";
import {
  type ColumnSpec,
  type ImportRegistry,
  REGISTRY_SPECS,
  type RegistrySpec,
  type SheetKey,
  type SheetSpec,
} from "@/features/import/registries";
import { CREDIT_CODE_ERROR_MESSAGES, validateCreditCode } from "@/lib/credit-code";
import { makeT } from "@/lib/i18n/core";
import {
  CellError,
  displayValue,
  labelKey,
  lookupLabel,
  normaliseHeader,
  plainCellValue,
  toBoolean,
  toIsoDate,
  toText,
} from "@/lib/import/cells";
import { ImportRefused, type RawSheet } from "@/lib/import/workbook";
import { changedFields } from "@/lib/registry/diff";
import { type DataScope, FULL_SCOPE } from "@/lib/scope";
import {
  checkRules,
  checkScope,
  createRecord,
  normaliseValues,
  type RecordLog,
  RuleError,
  type Stored,
  tableInfo,
  toStored,
  updateRecord,
  type Values,
  Writer,
} from "../registry/write";

// The one import engine: raw sheets → per-row validation with the registry's form schema and its write rules →
// a plan (new / updated / unchanged / invalid per row) → writes through the registries' one write path
// (features/registry/write.ts), the same the forms use, with its statements prepared once per import.
// Everything reads and writes through one better-sqlite3 connection, so the caller's transaction covers it all.

export type { RecordLog };
export type Outcome = "new" | "updated" | "unchanged";
export type SheetCounts = { new: number; updated: number; unchanged: number; invalid: number };
export type RowError = { sheet: string; row: number; column: string; value: string; message: string };

export type PlannedRow = {
  spec: SheetSpec;
  rowNumber: number;
  values: Values;
  before?: Stored;
  outcome: Outcome;
  /** Child rows: the enterprise row of this file they belong to (its id is known once it is written). */
  parentRow?: PlannedRow;
  /** Set when written. */
  id?: number;
};

export type ImportPlan = {
  registry: RegistrySpec;
  sheets: { key: SheetKey; name: string; counts: SheetCounts; raw: RawSheet }[];
  rows: PlannedRow[];
  errors: RowError[];
  /** Excel row numbers of invalid rows, per sheet name. */
  invalid: Map<string, Set<number>>;
  totals: SheetCounts;
};

const zh = makeT("zh-CN");
const PLACEHOLDER_ID = 1;
const GUIDE_SHEETS = new Set([zh("import.sheets.guide"), zh("import.sheets.lists")]);

export const headerLabel = (c: ColumnSpec) => zh(c.header);

type DictEntry = { id: number; enabled: boolean };

function loadDictionaries(sqlite: Database.Database): Map<string, Map<string, DictEntry>> {
  const out = new Map<string, Map<string, DictEntry>>();
  const rows = sqlite.prepare("SELECT id, kind, label, enabled FROM dictionary_items").all() as {
    id: number;
    kind: string;
    label: string;
    enabled: number;
  }[];
  for (const r of rows) {
    const m = out.get(r.kind) ?? new Map<string, DictEntry>();
    out.set(r.kind, m);
    m.set(labelKey(r.label), { id: r.id, enabled: !!r.enabled });
  }
  return out;
}

type EnterpriseCodes = Map<string, { live?: number; deleted: number[] }>;

/** Enterprises by credit code: the live one, and the deleted ones (newest first) a record may still link to. */
function enterprisesByCode(sqlite: Database.Database, codes: Iterable<string>): EnterpriseCodes {
  const list = [...new Set(codes)];
  if (!list.length) return new Map();
  // Driven from the list of codes (CROSS JOIN fixes the order): one search of the live index and one of the
  // deleted index per code. `credit_code IN (…)` was planned as a scan of the whole table (1 s at 1M rows).
  const rows = sqlite
    .prepare(
      `SELECT code, id, deletedAt FROM (
        SELECT e.credit_code AS code, e.id, e.deleted_at AS deletedAt FROM json_each(?) j CROSS JOIN enterprises e
          WHERE e.credit_code = j.value AND e.deleted_at IS NULL
        UNION ALL
        SELECT e.credit_code, e.id, e.deleted_at FROM json_each(?) j CROSS JOIN enterprises e
          WHERE e.credit_code = j.value AND e.deleted_at IS NOT NULL
      ) ORDER BY id DESC`,
    )
    .all(JSON.stringify(list), JSON.stringify(list)) as { code: string; id: number; deletedAt: string | null }[];
  const out: EnterpriseCodes = new Map();
  for (const r of rows) {
    const e = out.get(r.code) ?? { deleted: [] };
    out.set(r.code, e);
    if (r.deletedAt) e.deleted.push(r.id);
    else e.live = r.id;
  }
  return out;
}

type ParsedRow = {
  rowNumber: number;
  raw: unknown[];
  input: Values;
  refs: Map<string, string>; // field → credit code (parent / enterpriseRef columns)
  deletedRefs: Map<string, number[]>; // enterpriseRef field → deleted enterprises holding its credit code
  failed: Set<string>; // fields already reported
};

function findSheet(raws: RawSheet[], spec: SheetSpec, primary: boolean): RawSheet | undefined {
  const wanted = normaliseHeader(zh(spec.sheet));
  const hit = raws.find((s) => normaliseHeader(s.name) === wanted);
  if (hit || !primary) return hit;
  // A single-sheet file saved under another sheet name still imports.
  return (
    raws.find((s) => !GUIDE_SHEETS.has(s.name) && s.rows.length > 0) ?? raws.find((s) => !GUIDE_SHEETS.has(s.name))
  );
}

function bindColumns(spec: SheetSpec, raw: RawSheet): number[] {
  const index = new Map<string, number>();
  raw.headers.forEach((h, i) => {
    const k = normaliseHeader(h);
    if (!k) return;
    if (index.has(k) && spec.columns.some((c) => normaliseHeader(headerLabel(c)) === k)) {
      throw new ImportRefused(
        `import.refuse.duplicateHeader|sheet=${encodeURIComponent(raw.name)},column=${encodeURIComponent(h)}`,
      );
    }
    index.set(k, i);
  });
  const missing = spec.columns.filter((c) => !index.has(normaliseHeader(headerLabel(c))));
  if (missing.length) {
    throw new ImportRefused(
      `import.refuse.missingColumns|sheet=${encodeURIComponent(raw.name)},columns=${encodeURIComponent(missing.map(headerLabel).join("、"))}`,
    );
  }
  return spec.columns.map((c) => index.get(normaliseHeader(headerLabel(c))) as number);
}

const enumMaps = new WeakMap<ColumnSpec, Map<string, string>>();
/** Label → stored value of an enum column (built once per column). */
function enumMap(c: ColumnSpec): Map<string, string> {
  let m = enumMaps.get(c);
  if (!m) {
    m = new Map(Object.entries(c.options ?? {}).map(([value, label]) => [labelKey(zh(label)), value]));
    enumMaps.set(c, m);
  }
  return m;
}

/** One cell → the value the form would submit, or a CellError. */
function convertCell(
  c: ColumnSpec,
  cell: unknown,
  dicts: Map<string, Map<string, DictEntry>>,
  row: ParsedRow,
): unknown {
  const v = plainCellValue(cell);
  if (v === null && c.required) throw new CellError("registry.required");
  switch (c.kind) {
    case "text":
      return toText(v);
    case "number":
    case "year":
      if (v instanceof Date || typeof v === "boolean") throw new CellError("registry.number");
      return v;
    case "date":
      return v === null ? null : toIsoDate(v);
    case "bool":
      return toBoolean(v);
    case "dict": {
      // A disabled item is refused by the registry's dictionary rule unless the record already holds it.
      return lookupLabel(dicts.get(c.dict ?? "") ?? new Map<string, DictEntry>(), v)?.id ?? null;
    }
    case "enum": {
      const map = enumMap(c);
      // Blank → undefined, so the schema's default (e.g. 在册 / 有效) applies.
      return lookupLabel(map, v) ?? undefined;
    }
    case "parent":
    case "enterpriseRef": {
      const text = toText(v);
      if (!text) return null;
      const res = validateCreditCode(text);
      if (!res.ok) throw new CellError(CREDIT_CODE_ERROR_MESSAGES[res.reason]);
      row.refs.set(c.field, res.code);
      // The schema sees a well-formed id; the real one is resolved below in one query.
      return PLACEHOLDER_ID;
    }
  }
}

type SheetState = {
  spec: SheetSpec;
  raw: RawSheet;
  counts: SheetCounts;
  /** Valid rows by natural-key string. */
  byKey: Map<string, PlannedRow>;
  /** Invalid rows' key columns (for child → parent messages). */
  invalidByCode: Map<string, number>;
};

/**
 * Validates every row of the file against the registry's form schema and the live records, without
 * writing. Dictionaries, referenced enterprises and existing records are each loaded in one query.
 */
export function planImport(
  sqlite: Database.Database,
  registry: ImportRegistry,
  raws: RawSheet[],
  who: { userId: number; scope: DataScope } = { userId: 0, scope: FULL_SCOPE },
): ImportPlan {
  const reg = REGISTRY_SPECS[registry];
  const dicts = loadDictionaries(sqlite);
  // Checks each row with the registry's write rules, in the importing user's data scope (nothing is written here).
  const rules = new Writer(sqlite, who.userId, undefined, who.scope);
  const plan: ImportPlan = {
    registry: reg,
    sheets: [],
    rows: [],
    errors: [],
    invalid: new Map(),
    totals: { new: 0, updated: 0, unchanged: 0, invalid: 0 },
  };
  const states = new Map<SheetKey, SheetState>();

  reg.sheets.forEach((spec, sheetIndex) => {
    const raw = findSheet(raws, spec, sheetIndex === 0);
    if (!raw) {
      if (sheetIndex === 0)
        throw new ImportRefused(`import.refuse.sheetMissing|sheet=${encodeURIComponent(zh(spec.sheet))}`);
      return; // optional child sheets (资质 / 年度数据)
    }
    const colIndex = bindColumns(spec, raw);
    const info = tableInfo(spec.writes.table);
    const counts: SheetCounts = { new: 0, updated: 0, unchanged: 0, invalid: 0 };
    const state: SheetState = { spec, raw, counts, byKey: new Map(), invalidByCode: new Map() };
    states.set(spec.key, state);
    const invalidRows = new Set<number>();
    plan.invalid.set(raw.name, invalidRows);

    const fail = (r: ParsedRow, field: string | null, message: string) => {
      const ci = field ? spec.columns.findIndex((c) => c.field === field) : -1;
      const col = ci >= 0 ? spec.columns[ci] : undefined;
      if (field) r.failed.add(field);
      invalidRows.add(r.rowNumber);
      plan.errors.push({
        sheet: raw.name,
        row: r.rowNumber,
        column: col ? headerLabel(col) : "",
        value: ci >= 0 ? displayValue(r.raw[colIndex[ci]]) : "",
        message,
      });
    };

    // Pass 1: cells → values → the form schema.
    const parsed: { r: ParsedRow; values: Values }[] = [];
    for (const rr of raw.rows) {
      const r: ParsedRow = {
        rowNumber: rr.rowNumber,
        raw: rr.cells,
        input: {},
        refs: new Map(),
        deletedRefs: new Map(),
        failed: new Set(),
      };
      spec.columns.forEach((c, i) => {
        try {
          r.input[c.field] = convertCell(c, rr.cells[colIndex[i]], dicts, r);
        } catch (err) {
          if (!(err instanceof CellError)) throw err;
          fail(r, c.field, err.message);
          r.input[c.field] = null;
        }
      });
      const res = spec.schema.safeParse(r.input);
      if (!res.success) {
        for (const issue of res.error.issues) {
          const field = typeof issue.path[0] === "string" ? issue.path[0] : null;
          if (field && r.failed.has(field)) continue;
          fail(r, field, issue.message);
        }
      }
      if (invalidRows.has(r.rowNumber)) {
        const ci = spec.key === "enterprise" ? spec.columns.findIndex((c) => c.field === "creditCode") : -1;
        const code = ci >= 0 ? toText(plainSafe(r.raw[colIndex[ci]])) : null;
        if (code) state.invalidByCode.set(code.toUpperCase(), r.rowNumber);
        continue;
      }
      parsed.push({ r, values: res.success ? (res.data as Values) : {} });
    }

    // Referenced enterprises: this file's enterprise rows first, then live records — one query.
    const codes = new Set<string>();
    for (const p of parsed) for (const code of p.r.refs.values()) codes.add(code);
    const byCode = enterprisesByCode(sqlite, codes);
    const codeOfId = new Map([...byCode].flatMap(([code, e]) => (e.live != null ? [[e.live, code] as const] : [])));
    const parentSheet = spec.childOfEnterprise ? states.get("enterprise") : undefined;

    const keyed: { r: ParsedRow; values: Values; key: string; parentRow?: PlannedRow }[] = [];
    for (const p of parsed) {
      let ok = true;
      let parentRow: PlannedRow | undefined;
      for (const [field, code] of p.r.refs) {
        const column = spec.columns.find((c) => c.field === field);
        if (column?.kind === "parent") {
          const inFile = parentSheet?.byKey.get(JSON.stringify([code]));
          if (inFile) {
            parentRow = inFile;
            p.values[field] = inFile.before?.id ?? PLACEHOLDER_ID;
            continue;
          }
          const id = byCode.get(code)?.live;
          if (id != null) {
            p.values[field] = id;
            continue;
          }
          const badRow = parentSheet?.invalidByCode.get(code);
          fail(p.r, field, badRow ? `import.row.parentInvalid|row=${badRow}` : `import.row.parentMissing|code=${code}`);
        } else {
          const e = byCode.get(code);
          if (e?.live != null) {
            p.values[field] = e.live;
            continue;
          }
          if (e?.deleted.length) {
            // Deleted since: the record may keep it (resolved once the stored record is known), else the
            // registry's link rule refuses it with the same reason as the form.
            p.r.deletedRefs.set(field, e.deleted);
            p.values[field] = e.deleted[0];
            continue;
          }
          fail(p.r, field, `import.row.enterpriseNotFound|code=${code}`);
        }
        ok = false;
      }
      if (!ok) continue;
      // Child rows are keyed by the enterprise's credit code, whether it exists yet or not.
      const keyParts = spec.naturalKey.map((f) =>
        spec.childOfEnterprise && f === "enterpriseId" ? p.r.refs.get(f) : p.values[f],
      );
      keyed.push({ r: p.r, values: p.values, key: JSON.stringify(keyParts), parentRow });
    }

    // Existing live records for these keys, in one query on the key's first column.
    const first = spec.naturalKey[0];
    const firstValues = [
      ...new Set(keyed.filter((k) => !k.parentRow || k.parentRow.before).map((k) => k.values[first])),
    ].filter((v) => v != null);
    const existing = new Map<string, Stored>();
    if (firstValues.length) {
      // Driven from the list of keys (CROSS JOIN fixes the order), so each key is an index search; with an IN list
      // SQLite preferred a (deleted_at, …) sort index and walked every live row.
      const rows = sqlite
        .prepare(
          `SELECT t.* FROM json_each(?) j CROSS JOIN "${info.name}" t WHERE t.deleted_at IS NULL AND t."${info.sqlName.get(first)}" = j.value`,
        )
        .all(JSON.stringify(firstValues)) as Record<string, unknown>[];
      for (const row of rows) {
        const s = toStored(row, info);
        const parts = spec.naturalKey.map((f) =>
          spec.childOfEnterprise && f === "enterpriseId" ? codeOfId.get(s.enterpriseId as number) : s[f],
        );
        existing.set(JSON.stringify(parts), s);
      }
    }

    const keyLabel = spec.naturalKey
      .map((f) => spec.columns.find((c) => c.field === f))
      .filter((c): c is ColumnSpec => !!c)
      .map(headerLabel)
      .join("、");
    for (const k of keyed) {
      const dup = state.byKey.get(k.key);
      if (dup) {
        fail(
          k.r,
          spec.naturalKey[0],
          `import.row.duplicateInFile|row=${dup.rowNumber},key=${encodeURIComponent(keyLabel)}`,
        );
        continue;
      }
      // A new parent in this file has no stored children yet.
      const before = k.parentRow && !k.parentRow.before ? undefined : existing.get(k.key);
      for (const [field, ids] of k.r.deletedRefs) {
        if (ids.includes(before?.[field] as number)) k.values[field] = before?.[field];
      }
      // The rules check what would be written: a row identical to its stored record writes nothing.
      const values = normaliseValues(spec.writes, k.values, before);
      // A row outside the importer's scope is refused even when it would change nothing (it reveals nothing). A
      // child of a new row of this file is in scope with it (that row is checked; its id exists only on writing).
      try {
        if (!(k.parentRow && !k.parentRow.before)) checkScope(rules, spec.writes, values, before);
      } catch (err) {
        if (!(err instanceof RuleError)) throw err;
        for (const r of err.refusals) fail(k.r, r.field, r.reason);
        continue;
      }
      const outcome: Outcome = !before
        ? "new"
        : Object.keys(changedFields(before, values).after).length
          ? "updated"
          : "unchanged";
      if (outcome !== "unchanged") {
        try {
          checkRules(rules, spec.writes, values, before);
        } catch (err) {
          if (!(err instanceof RuleError)) throw err;
          for (const r of err.refusals) fail(k.r, r.field, r.reason);
          continue;
        }
      }
      const planned: PlannedRow = { spec, rowNumber: k.r.rowNumber, values, before, outcome, parentRow: k.parentRow };
      state.byKey.set(k.key, planned);
      counts[outcome]++;
      plan.rows.push(planned);
    }
    counts.invalid = invalidRows.size;
    plan.sheets.push({ key: spec.key, name: raw.name, counts, raw });
    for (const k of ["new", "updated", "unchanged", "invalid"] as const) plan.totals[k] += counts[k];
  });

  if (plan.sheets.every((s) => s.raw.rows.length === 0)) throw new ImportRefused("import.refuse.noRows");
  const order = new Map(plan.sheets.map((s, i) => [s.name, i]));
  plan.errors.sort((a, b) => (order.get(a.sheet) ?? 0) - (order.get(b.sheet) ?? 0) || a.row - b.row);
  return plan;
}

function plainSafe(v: unknown) {
  try {
    return plainCellValue(v);
  } catch {
    return null;
  }
}

/**
 * Writes the plan's new and updated rows (unchanged rows are left alone) through the registries' write path and
 * returns one history entry per written record. Call inside a transaction; a version mismatch throws.
 */
export function applyPlan(
  sqlite: Database.Database,
  plan: ImportPlan,
  opts: { userId: number; now: string; scope?: DataScope },
): { logs: RecordLog[]; written: number } {
  const logs: RecordLog[] = [];
  const w = new Writer(sqlite, opts.userId, opts.now, opts.scope);
  for (const row of plan.rows) {
    if (row.outcome === "unchanged") {
      row.id = row.before?.id;
      continue;
    }
    if (row.parentRow) row.values.enterpriseId = row.parentRow.id;
    const res = row.before
      ? updateRecord(w, row.spec.writes, { before: row.before }, row.values)
      : createRecord(w, row.spec.writes, row.values);
    row.id = res.id;
    logs.push(res.log);
  }
  w.finish();
  return { logs, written: logs.length };
}
