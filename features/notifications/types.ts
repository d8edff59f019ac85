import type { DB } from "@/db";
import type { CurrentUser } from "@/lib/dal";
import type { Locale, T } from "@/lib/i18n/core";

/** Kinds of item, each with its badge label (`notifications.kinds.<kind>`) and colour. */
export type NotificationKind = "certificate" | "quarter" | "review" | "returned" | "award";

/** One thing waiting for a user, computed from the data when read (never stored; only its read mark is). */
export type NotificationItem = {
  /** Stable and naming the item's state (`cert:12:2027-01-15`): a changed state is a new, unread item. */
  key: string;
  kind: NotificationKind;
  title: string;
  /** Several things behind one item (e.g. 5 records to review). */
  count?: number;
  /** Where it is done. */
  href: string;
  /** The title names a record (an enterprise, a policy): shown as data, not translated. */
  titleHasData?: boolean;
  /** YYYY-MM-DD: when it falls due (a certificate's expiry, a quarter's last day). */
  dueAt?: string;
};

export type SourceContext = { t: T; today: string; locale?: Locale };

/**
 * A source of notifications: cheap indexed queries, within the user's data scope, returning what waits for this
 * user. A source returns nothing for a role it does not concern.
 */
export type NotificationSource = (db: DB, user: CurrentUser, ctx: SourceContext) => NotificationItem[];
