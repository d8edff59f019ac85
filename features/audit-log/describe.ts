import "server-only";
import { eq, inArray } from "drizzle-orm";
import { getDb } from "@/db";
import {
  dictionaryItems,
  enterpriseAnnualFigures,
  enterpriseQualifications,
  enterprises,
  incubators,
  incubatorTenants,
  indicators,
  institutions,
  type OperationLog,
  talents,
  users,
} from "@/db/schema";
import { annualRegistry, enterpriseRegistry, qualificationRegistry } from "@/features/enterprises/registry";
import { incubatorRegistry, tenancyRegistry } from "@/features/incubators/registry";
import { institutionRegistry } from "@/features/institutions/registry";
import type { Column, RegistryDefinition } from "@/features/registry/define";
import { formatFieldValue, VALUE_NUMBER_FORMAT as NUMBER, plainValue } from "@/features/registry/format-value";
import { talentRegistry } from "@/features/talents/registry";
import { translate } from "@/lib/action";
import { type MessageKey, type T, tDynamic } from "@/lib/i18n/core";
import { maskIdNumber, maskPhone } from "@/lib/mask";
import { maskedFields } from "@/lib/masked-fields";
import { formatDateTime } from "@/lib/time";

// The operation log as an auditor reads it: each row's action by name, the record by name (not `enterprise #12`),
// a field-by-field diff labelled from the registry definitions with dictionary labels and masked personal data,
// and messages translated from the catalogue. Shared by the audit-log page and its Excel export.

const DEFINITIONS: RegistryDefinition[] = [
  enterpriseRegistry,
  qualificationRegistry,
  annualRegistry,
  institutionRegistry,
  incubatorRegistry,
  tenancyRegistry,
  talentRegistry,
];
const BY_TYPE = new Map(DEFINITIONS.map((d) => [d.objectType, d]));

/** Labels of the keys logged by the non-registry actions (users, dictionaries, indicators, reports) and bookkeeping. */
const OTHER_LABELS: Record<string, MessageKey> = {
  username: "users.username",
  displayName: "users.displayName",
  role: "users.role",
  disabled: "auditView.fields.disabled",
  mustChangePassword: "auditView.fields.mustChangePassword",
  passwordChangedAt: "auditView.fields.passwordChangedAt",
  unitKind: "auditView.fields.unitKind",
  unitId: "users.unit",
  dataScope: "users.dataScope",
  kind: "auditView.fields.kind",
  code: "dictionaries.code",
  label: "dictionaries.label",
  sortOrder: "dictionaries.sortOrder",
  enabled: "auditView.fields.enabled",
  note: "auditView.fields.note",
  status: "auditView.fields.status",
  snapshotVersion: "auditView.fields.snapshotVersion",
  summaryText: "auditView.fields.summaryText",
  planText: "auditView.fields.planText",
  version: "auditView.fields.version",
  definition: "kpi.indicators.definition",
  dataSource: "kpi.indicators.dataSource",
  releaseLag: "kpi.indicators.releaseLag",
  year: "kpi.indicators.year",
  targetRank: "kpi.indicators.targetRank",
  targetValue: "kpi.indicators.targetValue",
  cityTotal: "kpi.indicators.cityTotalLabel",
  deletedAt: "registry.deletedAt",
  statusChangedAt: "registry.history.statusChangedAt",
  enterpriseId: "registry.history.enterprise",
};
/** Values of non-registry keys shown by their catalogue labels. */
const OTHER_VALUE_LABELS: Record<string, string> = {
  role: "roles",
  dataScope: "users.scopes",
  unitKind: "users.unitKinds",
  kind: "dictionaries.kinds",
};
const DATETIME_KEYS = new Set(["deletedAt", "statusChangedAt", "passwordChangedAt"]);
const DICT_ID_KEYS = new Set(["unitId"]);
const HIDDEN_KEYS = new Set(["id", "version", "updatedAt", "updatedBy", "createdAt", "createdBy", "passwordHash"]);

export type AuditChange = { key: string; label: string; before: string | null; after: string | null };
export type AuditObject = {
  type: string;
  typeLabel: string;
  id: string | null;
  /** The record's name (an enterprise's, "企业 · 2024年度数据" for a child row), deleted records included. */
  name: string | null;
  /** The record's page, for a viewer who may read the registers. */
  href: string | null;
};
export type AuditRowView = {
  id: number;
  createdAt: string;
  time: string;
  username: string | null;
  /** The person's name (users.display_name). */
  userName: string | null;
  roleLabel: string | null;
  ip: string | null;
  action: string;
  actionLabel: string;
  result: OperationLog["result"];
  resultLabel: string;
  object: AuditObject | null;
  message: string;
  changes: AuditChange[];
};

function quarterLabel(t: T, q: string): string {
  const m = /^(\d{4})Q([1-4])$/.exec(q);
  return m ? t("auditView.quarter", { year: m[1], q: m[2] }) : q;
}

type Names = {
  dict: Map<number, string>;
  users: Map<number, { name: string; username: string }>;
  records: Map<string, { name: string; href: string | null }>;
};

/** Names of every record the rows mention, in one query per table (deleted records included). */
function loadNames(t: T, rows: OperationLog[]): Names {
  const db = getDb();
  const ids = new Map<string, number[]>();
  const dictIds = new Set<number>();
  for (const r of rows) {
    if (r.objectType && r.objectId && /^\d+$/.test(r.objectId)) {
      const list = ids.get(r.objectType) ?? [];
      list.push(Number(r.objectId));
      ids.set(r.objectType, list);
    }
    for (const side of [r.before, r.after]) {
      if (!side || typeof side !== "object") continue;
      for (const [k, v] of Object.entries(side as Record<string, unknown>)) {
        const f = BY_TYPE.get(r.objectType ?? "")?.fields[k];
        if (typeof v === "number" && (f?.kind === "dict" || DICT_ID_KEYS.has(k))) dictIds.add(v);
        if (typeof v === "number" && (f?.kind === "enterpriseRef" || k === "enterpriseId")) {
          const list = ids.get("enterprise") ?? [];
          list.push(v);
          ids.set("enterprise", list);
        }
      }
    }
  }
  const of = (type: string) => [...new Set(ids.get(type) ?? [])];
  const records = new Map<string, { name: string; href: string | null }>();
  const put = (type: string, id: number, name: string, href: string | null) =>
    records.set(`${type}:${id}`, { name, href });

  const simple = [
    ["enterprise", enterprises, "/enterprises"],
    ["institution", institutions, "/institutions"],
    ["incubator", incubators, "/incubators"],
    ["talent", talents, "/talents"],
  ] as const;
  for (const [type, table, path] of simple) {
    const list = of(type);
    if (!list.length) continue;
    for (const r of db.select({ id: table.id, name: table.name }).from(table).where(inArray(table.id, list)).all())
      put(type, r.id, r.name, `${path}/${r.id}`);
  }
  const quals = of("enterprise_qualification");
  if (quals.length) {
    for (const r of db
      .select({
        id: enterpriseQualifications.id,
        eid: enterprises.id,
        name: enterprises.name,
        type: dictionaryItems.label,
      })
      .from(enterpriseQualifications)
      .innerJoin(enterprises, eq(enterprises.id, enterpriseQualifications.enterpriseId))
      .leftJoin(dictionaryItems, eq(dictionaryItems.id, enterpriseQualifications.typeId))
      .where(inArray(enterpriseQualifications.id, quals))
      .all())
      put("enterprise_qualification", r.id, `${r.name} · ${r.type ?? ""}`, `/enterprises/${r.eid}`);
  }
  const annual = of("enterprise_annual");
  if (annual.length) {
    for (const r of db
      .select({
        id: enterpriseAnnualFigures.id,
        eid: enterprises.id,
        name: enterprises.name,
        year: enterpriseAnnualFigures.year,
      })
      .from(enterpriseAnnualFigures)
      .innerJoin(enterprises, eq(enterprises.id, enterpriseAnnualFigures.enterpriseId))
      .where(inArray(enterpriseAnnualFigures.id, annual))
      .all())
      put(
        "enterprise_annual",
        r.id,
        `${r.name} · ${t("auditView.annualOf", { year: r.year })}`,
        `/enterprises/${r.eid}`,
      );
  }
  const tenancies = of("incubator_tenant");
  if (tenancies.length) {
    for (const r of db
      .select({ id: incubatorTenants.id, iid: incubators.id, host: incubators.name, name: enterprises.name })
      .from(incubatorTenants)
      .innerJoin(incubators, eq(incubators.id, incubatorTenants.incubatorId))
      .innerJoin(enterprises, eq(enterprises.id, incubatorTenants.enterpriseId))
      .where(inArray(incubatorTenants.id, tenancies))
      .all())
      put("incubator_tenant", r.id, `${r.host} · ${r.name}`, `/incubators/${r.iid}`);
  }
  const dictItems = of("dictionary_item");
  if (dictItems.length) {
    for (const r of db
      .select({ id: dictionaryItems.id, kind: dictionaryItems.kind, label: dictionaryItems.label })
      .from(dictionaryItems)
      .where(inArray(dictionaryItems.id, dictItems))
      .all())
      put(
        "dictionary_item",
        r.id,
        `${tDynamic(t, `dictionaries.kinds.${r.kind}`, r.kind)} · ${r.label}`,
        `/admin/dictionaries?kind=${r.kind}`,
      );
  }
  const inds = of("indicator");
  if (inds.length) {
    for (const r of db
      .select({ id: indicators.id, key: indicators.key, name: indicators.name })
      .from(indicators)
      .where(inArray(indicators.id, inds))
      .all())
      put("indicator", r.id, r.name, `/indicators/${r.key}`);
  }
  const dict = new Map<number, string>();
  if (dictIds.size) {
    for (const r of db
      .select({ id: dictionaryItems.id, label: dictionaryItems.label })
      .from(dictionaryItems)
      .where(inArray(dictionaryItems.id, [...dictIds]))
      .all())
      dict.set(r.id, r.label);
  }
  const userIds = new Set<number>([...of("user")]);
  for (const r of rows) if (r.userId != null) userIds.add(r.userId);
  const userMap = new Map<number, { name: string; username: string }>();
  if (userIds.size) {
    for (const r of db
      .select({ id: users.id, name: users.displayName, username: users.username })
      .from(users)
      .where(inArray(users.id, [...userIds]))
      .all())
      userMap.set(r.id, { name: r.name, username: r.username });
  }
  return { dict, users: userMap, records };
}

function objectOf(t: T, r: OperationLog, names: Names): AuditObject | null {
  if (!r.objectType) return null;
  const def = BY_TYPE.get(r.objectType);
  const typeLabel = def ? t(def.label) : tDynamic(t, `auditView.objectTypes.${r.objectType}`, r.objectType);
  const base = { type: r.objectType, typeLabel, id: r.objectId };
  if (r.objectType === "report" && r.objectId)
    return { ...base, name: quarterLabel(t, r.objectId), href: `/reports/${r.objectId}` };
  if (r.objectType === "import") return { ...base, name: r.message, href: null };
  if (r.objectType === "user" && r.objectId) {
    const u = names.users.get(Number(r.objectId));
    return { ...base, name: u ? `${u.name}（${u.username}）` : null, href: null };
  }
  const rec = r.objectId ? names.records.get(`${r.objectType}:${r.objectId}`) : undefined;
  return { ...base, name: rec?.name ?? null, href: rec?.href ?? null };
}

function fieldOf(objectType: string | null, key: string): Column | undefined {
  const def = BY_TYPE.get(objectType ?? "");
  return def ? (def.fields[key] ?? def.columns?.[key]) : undefined;
}

function labelOf(t: T, objectType: string | null, key: string): string {
  const f = fieldOf(objectType, key);
  if (f) return t(f.label);
  if (OTHER_LABELS[key]) return t(OTHER_LABELS[key]);
  // Every registry's definitions, for a key logged under another type (an import row, a batch).
  for (const d of DEFINITIONS) if (d.fields[key]) return t(d.fields[key].label);
  return key;
}

function formatValue(t: T, objectType: string | null, key: string, v: unknown, names: Names): string | null {
  if (v === null || v === undefined || v === "") return null;
  const mask = maskedFields().get(key);
  if (mask && typeof v === "string") return mask === "phone" ? maskPhone(v) : maskIdNumber(v);
  const f = fieldOf(objectType, key);
  // A registry field reads as in the record's history tab (one formatter for both).
  if (f)
    return formatFieldValue(t, f, v, {
      dict: (id) => names.dict.get(id),
      enterprise: (id) => names.records.get(`enterprise:${id}`)?.name,
    });
  if (key === "enterpriseId" && typeof v === "number") return names.records.get(`enterprise:${v}`)?.name ?? String(v);
  if (DICT_ID_KEYS.has(key) && typeof v === "number") return names.dict.get(v) ?? String(v);
  if (DATETIME_KEYS.has(key) && typeof v === "string") return formatDateTime(v);
  if (objectType === "report" && key === "status" && typeof v === "string")
    return tDynamic(t, `auditView.reportStatus.${v}`, v);
  if (OTHER_VALUE_LABELS[key] && typeof v === "string") return tDynamic(t, `${OTHER_VALUE_LABELS[key]}.${v}`, v);
  if (typeof v === "boolean") return v ? t("common.yes") : t("common.no");
  if (typeof v === "number") return NUMBER.format(v);
  return plainValue(t, v);
}

function changesOf(t: T, r: OperationLog, names: Names): AuditChange[] {
  const before = (r.before && typeof r.before === "object" ? r.before : null) as Record<string, unknown> | null;
  const after = (r.after && typeof r.after === "object" ? r.after : null) as Record<string, unknown> | null;
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter(
    (k) => !HIDDEN_KEYS.has(k),
  );
  return keys.map((key) => ({
    key,
    label: labelOf(t, r.objectType, key),
    before: before ? formatValue(t, r.objectType, key, before[key], names) : null,
    after: after ? formatValue(t, r.objectType, key, after[key], names) : null,
  }));
}

const CATALOGUE_KEY = /^[a-z][A-Za-z]*(\.[A-Za-z0-9_]+)+(\|.*)?$/;

/** The row's 说明, in words: refusals, catalogue keys, export counts, reveals, batches, files; never raw English. */
function messageOf(t: T, r: OperationLog): string {
  const m = r.message ?? "";
  const detail = (r.detail && typeof r.detail === "object" ? r.detail : {}) as Record<string, unknown>;
  const parts: string[] = [];
  if (m === "unauthenticated") parts.push(t("auditView.messages.unauthenticated"));
  else if (m === "must_change_password") parts.push(t("auditView.messages.mustChangePassword"));
  else if (m.startsWith("missing permission")) parts.push(t("auditView.messages.missingPermission"));
  else if (m === "input too large") parts.push(t("auditView.messages.inputTooLarge"));
  else if (m === "validation failed") parts.push(t("auditView.messages.validationFailed"));
  else if (r.result === "error") parts.push(t("auditView.messages.systemError", { detail: m }));
  else if (/^\d+ rows/.test(m)) {
    const rows = Number(m.split(" ")[0]);
    parts.push(
      r.result === "ok"
        ? t("auditView.messages.exported", { rows: NUMBER.format(rows) })
        : t("auditView.messages.exportFailed", { rows: NUMBER.format(rows) }),
    );
  } else if (m.startsWith("revealed: ")) {
    const fields = m
      .slice("revealed: ".length)
      .split(",")
      .map((k) => k.trim())
      .filter((k) => k && k !== "none")
      .map((k) => labelOf(t, r.objectType, k));
    parts.push(t("auditView.messages.revealed", { fields: fields.join("、") || "—" }));
  } else if (/^\d+\/\d+$/.test(m)) {
    const [ok, total] = m.split("/");
    parts.push(t("auditView.messages.batch", { ok, total }));
  } else if (CATALOGUE_KEY.test(m)) {
    const out = translate(t, m);
    parts.push(out === m.split("|")[0] ? m : out);
  } else if (m && r.objectType !== "import") parts.push(m);

  // Refused input: each field's reason, labelled, never the catalogue key.
  const fieldErrors = detail.fieldErrors as Record<string, string[]> | undefined;
  if (fieldErrors && typeof fieldErrors === "object") {
    for (const [k, msgs] of Object.entries(fieldErrors)) {
      if (!Array.isArray(msgs)) continue;
      const reasons = msgs.map((x) => (typeof x === "string" && CATALOGUE_KEY.test(x) ? translate(t, x) : String(x)));
      parts.push(`${labelOf(t, r.objectType, k)}：${reasons.join("；")}`);
    }
  }
  const formErrors = detail.formErrors as string[] | undefined;
  if (Array.isArray(formErrors))
    for (const x of formErrors)
      parts.push(typeof x === "string" && CATALOGUE_KEY.test(x) ? translate(t, x) : String(x));
  if (typeof detail.filename === "string") parts.push(t("auditView.messages.file", { file: detail.filename }));
  if (typeof detail.reason === "string" && detail.reason)
    parts.push(t("auditView.messages.reason", { reason: detail.reason }));
  return parts.join("；");
}

/** Rows of the operation log, described for people. */
export function describeLogs(t: T, rows: OperationLog[]): AuditRowView[] {
  const names = loadNames(t, rows);
  return rows.map((r) => {
    const u = r.userId != null ? names.users.get(r.userId) : undefined;
    return {
      id: r.id,
      createdAt: r.createdAt,
      time: formatDateTime(r.createdAt),
      username: r.username,
      userName: u?.name ?? null,
      roleLabel: r.role ? tDynamic(t, `roles.${r.role}`, r.role) : null,
      ip: r.ip,
      action: r.action,
      actionLabel: tDynamic(t, `actions.${r.action}`, r.action),
      result: r.result,
      resultLabel: t(`audit.results.${r.result}`),
      object: objectOf(t, r, names),
      message: messageOf(t, r),
      changes: changesOf(t, r, names),
    };
  });
}

/** The action picker: every action the catalogue names, by name. */
export function actionOptions(t: T, catalogueActions: readonly string[]): { value: string; label: string }[] {
  return catalogueActions
    .map((a) => ({ value: a, label: tDynamic(t, `actions.${a}`, a) }))
    .sort((a, b) => a.label.localeCompare(b.label, "zh-CN"));
}
