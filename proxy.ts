import { type NextRequest, NextResponse } from "next/server";

// Convenience only: send visitors without a session cookie to /login. The guard is lib/dal.ts.
export function proxy(request: NextRequest) {
  const hasCookie = request.cookies.getAll().some((c) => c.name.endsWith("next-auth.session-token"));
  if (hasCookie) return NextResponse.next();
  const url = new URL("/login", request.url);
  const back = request.nextUrl.pathname + request.nextUrl.search;
  if (back !== "/") url.searchParams.set("callbackUrl", back);
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ["/((?!login|api/auth|_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
