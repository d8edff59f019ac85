import "server-only";
import { BellRing } from "lucide-react";
import Link from "next/link";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { T } from "@/lib/i18n/core";
import { todayIso } from "@/lib/time";
import { getMyNotifications } from "./queries";

const SHOWN = 5;

/** 今日待办 on the leader's board: today's unread items, soonest due first, each linking to where it is done. */
export async function NotificationDigest({ t }: { t: T }) {
  const unread = (await getMyNotifications()).filter((i) => i.readAt === null);
  return (
    <Card data-testid="notification-digest">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <BellRing className="h-4 w-4 text-brand-600" aria-hidden />
          {t("notifications.digest")}
          <span className="text-xs font-normal text-slate-600 tabular">{todayIso()}</span>
        </CardTitle>
      </CardHeader>
      <CardContent>
        {unread.length === 0 ? (
          <p className="text-sm text-slate-700">{t("notifications.digestEmpty")}</p>
        ) : (
          <>
            <ul className="flex flex-col gap-1.5 text-sm">
              {unread.slice(0, SHOWN).map((i) => (
                <li key={i.key} className="flex flex-wrap items-baseline gap-x-2">
                  <span className="text-xs text-slate-600">{t(`notifications.kinds.${i.kind}`)}</span>
                  <Link
                    href={i.href}
                    className="text-slate-800 underline decoration-slate-300 underline-offset-2 hover:text-brand-700"
                    translate={i.titleHasData ? "no" : undefined}
                  >
                    {i.title}
                  </Link>
                </li>
              ))}
            </ul>
            <p className="mt-2 text-sm">
              <Link href="/notifications" className="text-brand-700 underline underline-offset-2">
                {t("notifications.digestMore", { count: unread.length })}
              </Link>
            </p>
          </>
        )}
      </CardContent>
    </Card>
  );
}
