import type { Widen } from "../widen";
import type { dailyZh } from "./daily";

// English, a chunk of its own: the browser loads it only for an English page (lib/i18n/client.tsx).
export const dailyEn: Widen<typeof dailyZh> = {
  errorTitle: "Something went wrong",
  errorBody:
    "The page hit an unexpected error. What you typed but did not save may still be here: try again first; if it keeps happening, contact the administrator.",
  errorRetry: "Try again",
  errorRef: "Error reference: {digest}",
  network: "Network error: nothing was submitted. What you typed is kept; check the connection and try again.",
  retry: "Try again",
  reauthTitle: "Your session has ended",
  reauthBody:
    "You were signed out (timeout or signed out elsewhere). Sign in here and what you just submitted is sent again; nothing you typed is lost.",
  reauthSubmit: "Sign in and continue",
  reauthCancel: "Not now",
  reauthFailed: "Wrong username or password; 5 failures in a row lock the account for 15 minutes",
  reauthOtherUser: "Signed in as another user; the page will reload",
  idleTitle: "You will be signed out soon",
  idleBody: "For security you will be signed out in {time} without activity. Click Renew to keep working.",
  idleRenew: "Renew",
  idleLater: "Later",
  idleRenewed: "Renewed: your session is extended by 30 minutes",
  unsaved: "This form has unsaved changes that will be lost. Leave anyway?",
  saved: "Saved",
  savedFilters: {
    menu: "Saved filters",
    none: "No saved filters yet",
    save: "Save this filter",
    name: "Filter name",
    submit: "Save",
    remove: "Delete the filter “{name}”",
    removed: "Filter deleted",
    savedOk: "Saved the filter “{name}”",
    nameRequired: "Enter a name for the filter",
    tooMany: "At most 30 saved filters per list; delete some first",
  },
  sumRow: "Total (whole filter)",
  pager: "Pages",
  pageN: "Page {page}",
  jumpTo: "Go to",
  pageUnit: "",
  jump: "Go",
  openRecord: "Open the record",
  done: "Done: {action}",
  loading: "Loading page",
  toastClose: "Dismiss",
};
