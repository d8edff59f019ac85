"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { NOTIFICATIONS_CHANGED } from "@/components/shell/notification-bell";
import { Button } from "@/components/ui/button";
import { markNotificationsRead } from "@/features/notifications/actions";

/** Marks one item (or every unread item shown) read, then refreshes the list and the bell. */
export function MarkReadButton({
  keys,
  label,
  variant = "outline",
}: {
  keys: string[];
  label: string;
  variant?: "outline" | "default";
}) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        variant={variant}
        size="sm"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const res = await markNotificationsRead({ keys });
            if (!res.ok) {
              setError(res.message);
              return;
            }
            setError(null);
            window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED));
            router.refresh();
          })
        }
      >
        {label}
      </Button>
      {error ? (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      ) : null}
    </span>
  );
}
