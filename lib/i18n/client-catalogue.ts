import type { Messages } from "./messages/zh-CN";
import { zhShell } from "./messages/zh-CN.shell";

/**
 * The zh-CN catalogue as the browser has it: the shell's sections, plus the sections of particular pages once a
 * module of that page has imported lib/i18n/page-sections/<section> (module code runs before its components
 * render, so a page's strings are there before its first t()). The server always has the whole catalogue
 * (lib/i18n/core.ts); tests/unit/i18n-client-sections.test.ts checks that every client module using a page section
 * imports it.
 */
export const zhClient = { ...zhShell } as unknown as Messages;

export function addZhSections(sections: Partial<Messages>): void {
  Object.assign(zhClient, sections);
}
