import "server-only";
import { formatPeriod, periodEnd, previousPeriod, quarterOfDate } from "@/lib/kpi/period";
import { can } from "@/lib/permissions";
import type { NotificationItem, NotificationSource } from "../types";

/** How long before a quarter's last day its close is announced. */
export const QUARTER_NOTICE_DAYS = 30;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * 季度汇总: the current quarter's last day approaching (everyone who reads the summaries), and the quarter just
 * ended not yet closed (those who prepare and close them).
 */
export const quarterClose: NotificationSource = (db, user, { t, today, locale = "zh-CN" }) => {
  if (!can(user.role, "report.read")) return [];
  const items: NotificationItem[] = [];
  const current = quarterOfDate(today);
  const end = periodEnd(current);
  const left = daysBetween(today, end);
  if (left <= QUARTER_NOTICE_DAYS)
    items.push({
      key: `quarter-end:${current}`,
      kind: "quarter",
      title: t("notifications.quarterEnding", { quarter: formatPeriod(current, locale), date: end, days: left }),
      href: `/reports/${current}`,
      dueAt: end,
    });
  if (can(user.role, "report.write")) {
    const previous = previousPeriod(current);
    const status = db.$client.prepare("SELECT status FROM quarterly_reports WHERE quarter = ?").pluck().get(previous) as
      | string
      | undefined;
    if (status !== "closed")
      items.push({
        key: `quarter-open:${previous}`,
        kind: "quarter",
        title: t("notifications.quarterNotClosed", { quarter: formatPeriod(previous, locale) }),
        href: `/reports/${previous}`,
      });
  }
  return items;
};
