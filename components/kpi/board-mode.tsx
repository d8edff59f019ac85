"use client";
import { Maximize2, Minimize2 } from "lucide-react";
import { useCallback, useEffect, useState } from "react";
import { useT } from "@/lib/i18n/client";
import "@/lib/i18n/page-sections/kpi";

/**
 * 会议模式: the board alone on the screen for a meeting — sidebar and header hidden, everything a size larger,
 * full screen where the browser allows it. Leaving full screen (Esc) or the button ends it.
 */
export function BoardModeButton() {
  const t = useT();
  const [on, setOn] = useState(false);
  const apply = useCallback((next: boolean) => {
    setOn(next);
    if (next) document.documentElement.dataset.board = "meeting";
    else delete document.documentElement.dataset.board;
  }, []);
  useEffect(() => {
    const onChange = () => {
      if (!document.fullscreenElement) apply(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") apply(false);
    };
    document.addEventListener("fullscreenchange", onChange);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("fullscreenchange", onChange);
      document.removeEventListener("keydown", onKey);
      delete document.documentElement.dataset.board; // leaving the board ends the mode
    };
  }, [apply]);
  return (
    <button
      type="button"
      aria-pressed={on}
      className="inline-flex h-9 items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 text-sm text-slate-700 hover:bg-slate-100"
      onClick={() => {
        if (on) {
          apply(false);
          if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
        } else {
          apply(true);
          void document.documentElement.requestFullscreen?.().catch(() => {});
        }
      }}
    >
      {on ? <Minimize2 className="h-4 w-4" /> : <Maximize2 className="h-4 w-4" />}
      {on ? t("kpi.boardModeExit") : t("kpi.boardMode")}
    </button>
  );
}
