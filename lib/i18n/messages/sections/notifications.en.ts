import type { Widen } from "../widen";
import type { notificationsZh } from "./notifications";

// English, a chunk of its own: the browser loads it only for an English page (lib/i18n/client.tsx).
export const notificationsEn: Widen<typeof notificationsZh> = {
  title: "Notifications & to-dos",
  bell: "Notifications",
  bellUnread: "Notifications ({count} unread)",
  empty: "Nothing waiting",
  emptyHint: "Expiring certificates, quarters to close and other things waiting for you show here.",
  unread: "Unread",
  read: "Read",
  markRead: "Mark read",
  markAllRead: "Mark all read",
  go: "Open",
  due: "Due {date}",
  readAt: "Read {at}",
  count: "{count} items",
  kinds: { certificate: "Certificate", quarter: "Quarter", review: "To review", returned: "Returned", award: "Awards" },
  certificate: "{type} certificate of {name} expires on {date}",
  quarterEnding: "{quarter} ends on {date} ({days} days left): enter the data and prepare the summary",
  quarterNotClosed: "{quarter} summary not closed yet",
  reviewPending: "{count} submissions from streets and parks waiting for review",
  reviewReturned: "{count} of your submissions returned: correct them and resubmit",
  awardWaiting: "{year} {policy} (batch {id}): {state}",
  digest: "Today's to-dos",
  digestMore: "All {count} items",
  digestEmpty: "Nothing waiting today",
  unreadList: "Unread",
  readList: "Read",
};
