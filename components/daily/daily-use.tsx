"use client";
import { usePathname, useSearchParams } from "next/navigation";
import { createContext, Suspense, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { useT } from "@/lib/i18n/client";

// Daily use, for every page of the back office at once (mounted once by the dashboard layout):
// - toast(): the one confirmation after a successful write, announced by an aria-live region;
// - reauth(): the sign-in dialog opened in place when a server action meets an ended session (useFormAction
//   then submits the same values again);
// - the idle warning two minutes before the 30-minute idle rule ends the session, with 续期;
// - a thin progress bar while a navigation is under way, and focus moved to the new page's heading.

type DailyUse = {
  toast: (message: string) => void;
  /** Opens the sign-in dialog; true once the same user is signed in again. */
  reauth: () => Promise<boolean>;
  /** The server saw the session just now (a page or an action): the idle clock restarts. */
  noteActivity: () => void;
};

const noop: DailyUse = { toast: () => {}, reauth: async () => false, noteActivity: () => {} };
const DailyUseContext = createContext<DailyUse>(noop);

export function useDailyUse(): DailyUse {
  return useContext(DailyUseContext);
}

/** The warning shows this long before the idle rule ends the session. */
const WARN_MS = 2 * 60_000;

type Toast = { id: number; message: string };

export function DailyUseProvider({
  username,
  idleMs,
  touchSlackMs,
  children,
}: {
  username: string;
  /** The idle rule (IDLE_TIMEOUT_MINUTES) in ms. */
  idleMs: number;
  /** How stale the server's lastSeenAt may be (TOUCH_INTERVAL_SECONDS) in ms. */
  touchSlackMs: number;
  children: React.ReactNode;
}) {
  const t = useT();

  // Toasts.
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const toast = useCallback((message: string) => {
    const id = nextId.current++;
    setToasts((ts) => [...ts.slice(-2), { id, message }]);
    window.setTimeout(() => setToasts((ts) => ts.filter((x) => x.id !== id)), 6000);
  }, []);

  // Signing in again in place.
  const reauthRef = useRef<HTMLDialogElement>(null);
  const pendingReauth = useRef<{ promise: Promise<boolean>; resolve: (ok: boolean) => void } | null>(null);
  const [reauthError, setReauthError] = useState<string | null>(null);
  const [reauthBusy, setReauthBusy] = useState(false);
  // The dialog's inputs exist only while it is open: the page's own 用户名/密码 fields stay the only ones.
  const [reauthOpen, setReauthOpen] = useState(false);
  useEffect(() => {
    if (!reauthOpen) return;
    reauthRef.current?.showModal();
    // The username is prefilled: the password is what is needed.
    document.getElementById("reauth-password")?.focus();
  }, [reauthOpen]);
  const reauth = useCallback(() => {
    if (pendingReauth.current) return pendingReauth.current.promise;
    let resolve!: (ok: boolean) => void;
    const promise = new Promise<boolean>((r) => {
      resolve = r;
    });
    pendingReauth.current = { promise, resolve };
    setReauthError(null);
    setReauthOpen(true);
    // next-auth's client, while the password is typed.
    void import("next-auth/react").catch(() => null);
    return promise;
  }, []);
  const finishReauth = useCallback((ok: boolean) => {
    const p = pendingReauth.current;
    pendingReauth.current = null;
    reauthRef.current?.close();
    setReauthOpen(false);
    p?.resolve(ok);
  }, []);

  // The idle clock.
  const lastContact = useRef(Date.now());
  const timer = useRef<number | undefined>(undefined);
  const [warnUntil, setWarnUntil] = useState<number | null>(null);
  const check = useCallback(async () => {
    let status: { live: boolean; remainingMs?: number };
    try {
      const res = await fetch("/api/session", { cache: "no-store" });
      status = res.headers.get("content-type")?.includes("json") ? await res.json() : { live: false };
    } catch {
      return; // offline: the next action reports the network failure itself
    }
    if (!status.live || status.remainingMs == null) return;
    if (status.remainingMs > WARN_MS + 5000) {
      // Another tab (or a page load) kept the session alive: look again when the warning would be due.
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void check(), status.remainingMs - WARN_MS);
      return;
    }
    setWarnUntil(Date.now() + status.remainingMs);
  }, []);
  const schedule = useCallback(() => {
    window.clearTimeout(timer.current);
    const due = lastContact.current + idleMs - touchSlackMs - WARN_MS - Date.now();
    timer.current = window.setTimeout(() => void check(), Math.max(0, due));
  }, [check, idleMs, touchSlackMs]);
  const noteActivity = useCallback(() => {
    lastContact.current = Date.now();
    setWarnUntil(null);
    schedule();
  }, [schedule]);
  useEffect(() => {
    schedule();
    return () => window.clearTimeout(timer.current);
  }, [schedule]);

  const renew = useCallback(async () => {
    setWarnUntil(null);
    let live = false;
    try {
      const res = await fetch("/api/session", { method: "POST", cache: "no-store" });
      live = res.ok && res.headers.get("content-type")?.includes("json") ? (await res.json()).live === true : false;
    } catch {
      live = false;
    }
    if (live) {
      noteActivity();
      toast(t("daily.idleRenewed"));
    } else if (await reauth()) {
      noteActivity();
    }
  }, [noteActivity, reauth, t, toast]);

  const value = useMemo(() => ({ toast, reauth, noteActivity }), [toast, reauth, noteActivity]);

  return (
    <DailyUseContext.Provider value={value}>
      <Suspense fallback={null}>
        <Navigation onNavigated={noteActivity} />
      </Suspense>
      {children}
      <div
        // A live region without role=status: pages keep their own inline status messages unambiguous.
        aria-live="polite"
        className="pointer-events-none fixed right-3 bottom-3 z-50 flex flex-col items-end gap-2"
        data-testid="toasts"
      >
        {toasts.map((x) => (
          <div
            key={x.id}
            className="pointer-events-auto flex items-center gap-3 rounded-md bg-slate-900 px-4 py-2.5 text-sm text-white shadow-lg"
          >
            <span>{x.message}</span>
            <button
              type="button"
              className="min-h-6 min-w-6 rounded text-slate-300 hover:text-white"
              aria-label={t("daily.toastClose")}
              onClick={() => setToasts((ts) => ts.filter((y) => y.id !== x.id))}
            >
              ×
            </button>
          </div>
        ))}
      </div>
      <dialog
        ref={reauthRef}
        aria-labelledby="reauth-title"
        className="m-auto w-[min(26rem,calc(100vw-2rem))] rounded-lg border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/50"
        onCancel={(e) => {
          e.preventDefault();
          finishReauth(false);
        }}
      >
        {reauthOpen ? (
          <form
            className="flex flex-col gap-3 p-5"
            onSubmit={async (e) => {
              e.preventDefault();
              const fd = new FormData(e.currentTarget);
              const who = String(fd.get("username") ?? "").trim();
              setReauthBusy(true);
              setReauthError(null);
              // next-auth's client is loaded on first use (requested when the dialog opens): most sessions never
              // see this dialog.
              const res = await import("next-auth/react")
                .then(({ signIn }) =>
                  signIn("credentials", {
                    username: who,
                    password: String(fd.get("password") ?? ""),
                    redirect: false,
                  }),
                )
                .catch(() => null);
              setReauthBusy(false);
              if (!res?.ok || res.error) {
                setReauthError(t("daily.reauthFailed"));
                return;
              }
              (e.target as HTMLFormElement).reset();
              if (who !== username) {
                // Someone else signed in: what was typed is not sent under their name; the page shows their view.
                finishReauth(false);
                toast(t("daily.reauthOtherUser"));
                window.location.reload();
                return;
              }
              finishReauth(true);
            }}
          >
            <h2 id="reauth-title" className="text-base font-semibold text-slate-900">
              {t("daily.reauthTitle")}
            </h2>
            <p className="text-sm text-slate-600">{t("daily.reauthBody")}</p>
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="reauth-username">{t("login.username")}</Label>
              <Input
                id="reauth-username"
                name="username"
                autoComplete="username"
                defaultValue={username}
                required
                maxLength={64}
              />
            </div>
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="reauth-password">{t("login.password")}</Label>
              <Input
                id="reauth-password"
                name="password"
                type="password"
                autoComplete="current-password"
                required
                maxLength={128}
                autoFocus
              />
            </div>
            {reauthError ? (
              <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
                {reauthError}
              </p>
            ) : null}
            <div className="mt-1 flex justify-end gap-2">
              <Button variant="outline" onClick={() => finishReauth(false)}>
                {t("daily.reauthCancel")}
              </Button>
              <Button type="submit" disabled={reauthBusy}>
                {reauthBusy ? t("login.submitting") : t("daily.reauthSubmit")}
              </Button>
            </div>
          </form>
        ) : null}
      </dialog>
      {warnUntil != null ? <IdleWarning until={warnUntil} onRenew={renew} onLater={() => setWarnUntil(null)} /> : null}
    </DailyUseContext.Provider>
  );
}

function IdleWarning({ until, onRenew, onLater }: { until: number; onRenew: () => void; onLater: () => void }) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    ref.current?.showModal();
    const i = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(i);
  }, []);
  const left = Math.max(0, Math.ceil((until - now) / 1000));
  const time = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, "0")}`;
  return (
    <dialog
      ref={ref}
      role="alertdialog"
      aria-labelledby="idle-title"
      aria-describedby="idle-body"
      className="m-auto w-[min(26rem,calc(100vw-2rem))] rounded-lg border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40"
      onCancel={(e) => {
        e.preventDefault();
        onLater();
      }}
    >
      <div className="flex flex-col gap-3 p-5">
        <h2 id="idle-title" className="text-base font-semibold text-slate-900">
          {t("daily.idleTitle")}
        </h2>
        <p id="idle-body" className="text-sm text-slate-600">
          {t("daily.idleBody", { time })}
        </p>
        <div className="flex justify-end gap-2">
          <Button variant="outline" onClick={onLater}>
            {t("daily.idleLater")}
          </Button>
          <Button onClick={onRenew}>{t("daily.idleRenew")}</Button>
        </div>
      </div>
    </dialog>
  );
}

/**
 * A thin bar at the top from the click on an in-app link until the new page is shown; then the page's heading
 * takes the focus, so a screen reader announces where the user arrived and Tab starts from the page.
 */
function Navigation({ onNavigated }: { onNavigated: () => void }) {
  const t = useT();
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const [busy, setBusy] = useState(false);
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every new location
  useEffect(() => {
    setBusy(false);
    if (first.current) {
      first.current = false;
      return;
    }
    onNavigated();
    const h1 = document.querySelector<HTMLElement>("main h1");
    if (h1 && !h1.contains(document.activeElement) && !document.querySelector("dialog[open]")) {
      const field = document.activeElement;
      // A search box or filter keeps the focus while the list under it changes.
      if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement) return;
      if (!h1.hasAttribute("tabindex")) h1.setAttribute("tabindex", "-1");
      h1.focus({ preventScroll: true });
    }
  }, [pathname, search]);
  useEffect(() => {
    const onClick = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const a = (e.target as Element | null)?.closest?.("a[href]") as HTMLAnchorElement | null;
      if (!a || a.target === "_blank" || a.hasAttribute("download")) return;
      const url = new URL(a.href, window.location.href);
      if (url.origin !== window.location.origin) return;
      if (url.pathname === window.location.pathname && url.search === window.location.search) return;
      setBusy(true);
    };
    // Bubble phase: a link whose navigation was cancelled (the unsaved-changes guard) starts no bar.
    document.addEventListener("click", onClick);
    return () => document.removeEventListener("click", onClick);
  }, []);
  if (!busy) return null;
  return (
    <div
      role="progressbar"
      aria-label={t("daily.loading")}
      className="fixed inset-x-0 top-0 z-[60] h-0.5 overflow-hidden bg-brand-100"
      data-testid="nav-progress"
    >
      <div className="h-full w-1/3 animate-[navbar_1.2s_ease-in-out_infinite] bg-brand-600" />
    </div>
  );
}
