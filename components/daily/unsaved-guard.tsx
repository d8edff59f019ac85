"use client";
import { useEffect, useRef } from "react";
import { useT } from "@/lib/i18n/client";

/** Marks a form as changed; useFormAction clears the mark once the server has saved it. */
export const DIRTY_ATTR = "data-unsaved";

export function markSaved(form: HTMLFormElement | null | undefined): void {
  form?.removeAttribute(DIRTY_ATTR);
}

/** A changed form still on the page (not saved, not reset). */
export function hasUnsavedForm(): boolean {
  return document.querySelector(`form[${DIRTY_ATTR}]`) !== null;
}

/** Asks before leaving while a form has unsaved changes; true = go ahead. */
export function confirmLeave(message: string): boolean {
  return !hasUnsavedForm() || window.confirm(message);
}

/**
 * Rendered inside a form (RegistryFields does, so every registry form has it): from the first change on, leaving
 * the page — closing or reloading the tab, or following an in-app link — asks first. Saving or resetting the
 * form ends the guard.
 */
export function UnsavedGuard() {
  const t = useT();
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const form = ref.current?.closest("form");
    if (!form) return;
    const message = t("daily.unsaved");
    const mark = (e: Event) => {
      // The enterprise picker's search box is not a value of the form.
      if ((e.target as HTMLElement | null)?.closest?.("[data-no-unsaved]")) return;
      form.setAttribute(DIRTY_ATTR, "");
    };
    const clear = () => form.removeAttribute(DIRTY_ATTR);
    const beforeUnload = (e: BeforeUnloadEvent) => {
      if (!form.hasAttribute(DIRTY_ATTR)) return;
      e.preventDefault();
      e.returnValue = message;
    };
    const onClick = (e: MouseEvent) => {
      if (!form.hasAttribute(DIRTY_ATTR) || e.defaultPrevented || e.button !== 0) return;
      if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return; // a new tab leaves this one as it is
      const a = (e.target as Element | null)?.closest?.("a[href]") as HTMLAnchorElement | null;
      if (!a || a.target === "_blank" || a.hasAttribute("download")) return;
      const url = new URL(a.href, window.location.href);
      if (url.pathname === window.location.pathname && url.search === window.location.search) return;
      if (!window.confirm(message)) {
        e.preventDefault();
        e.stopPropagation();
      } else clear();
    };
    form.addEventListener("input", mark);
    form.addEventListener("change", mark);
    form.addEventListener("reset", clear);
    window.addEventListener("beforeunload", beforeUnload);
    // Capture phase: runs before Next's <Link> handler, which then sees the cancelled event and stays.
    document.addEventListener("click", onClick, true);
    return () => {
      form.removeEventListener("input", mark);
      form.removeEventListener("change", mark);
      form.removeEventListener("reset", clear);
      window.removeEventListener("beforeunload", beforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, [t]);
  return <span ref={ref} hidden />;
}
