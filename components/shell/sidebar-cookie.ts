/** The cookie that remembers, per user, whether the wide-screen sidebar is collapsed to icons. */
export const sidebarCookie = (username: string) => `sidebar_${username}`;
