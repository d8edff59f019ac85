"use client";
import Link from "next/link";
import { useT } from "@/lib/i18n/client";

/** A record's address at the end of a message: "… → /enterprises/12" (the import's report keeps it as text). */
const RECORD = /\s*→\s*(\/(?:enterprises|institutions|incubators|talents)\/\d+)/g;

/** A server message with the record it names as a link (“打开该记录”): a clash names the live holder, say. */
export function MessageText({ text }: { text: string }) {
  const t = useT();
  const parts = text.split(RECORD);
  if (parts.length === 1) return <>{text}</>;
  return (
    <>
      {parts.map((p, i) =>
        i % 2 === 1 ? (
          <Link key={p} href={p} className="ml-1 font-medium underline underline-offset-2">
            {t("daily.openRecord")}
          </Link>
        ) : (
          p
        ),
      )}
    </>
  );
}
