import "server-only";
import { qualificationRegistry } from "@/features/enterprises/registry";
import { localiser } from "@/features/kpi/localise";
import { can } from "@/lib/permissions";
import { scopeSql } from "@/lib/scope";
import type { NotificationSource } from "../types";

export const EXPIRY_WINDOW_DAYS = 90;
const MAX_ITEMS = 200;

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * 资质证书即将到期: every live qualification of a live, active enterprise in the user's scope whose certificate
 * expires within 90 days, soonest first; linked to the enterprise, where it is renewed.
 */
export const expiringCertificates: NotificationSource = (db, user, { t, today, locale }) => {
  if (!can(user.role, "registry.read")) return [];
  // CROSS JOIN fixes the order (SQLite keeps no statistics here): the few certificates in the window, by
  // quals_expiry_live_idx, then their enterprise by primary key — never every active enterprise first.
  const scope = scopeSql(qualificationRegistry.scope.where, "q", user.scope);
  const rows = db.$client
    .prepare(
      `SELECT q.id, q.expiry_date AS expiry, e.id AS eid, e.name, d.label AS type
         FROM enterprise_qualifications q
         CROSS JOIN enterprises e ON e.id = q.enterprise_id
         CROSS JOIN dictionary_items d ON d.id = q.type_id
        WHERE q.deleted_at IS NULL AND q.expiry_date BETWEEN ? AND ?
          AND e.deleted_at IS NULL AND e.status = 'active'${scope ? ` AND ${scope}` : ""}
        ORDER BY q.expiry_date, q.id
        LIMIT ${MAX_ITEMS}`,
    )
    .all(today, addDays(today, EXPIRY_WINDOW_DAYS)) as {
    id: number;
    expiry: string;
    eid: number;
    name: string;
    type: string;
  }[];
  const L = localiser(locale ?? "zh-CN");
  return rows.map((r) => ({
    key: `cert:${r.id}:${r.expiry}`,
    kind: "certificate",
    title: t("notifications.certificate", { name: r.name, type: L.label(r.type), date: r.expiry }),
    titleHasData: true,
    href: `/enterprises/${r.eid}`,
    dueAt: r.expiry,
  }));
};
