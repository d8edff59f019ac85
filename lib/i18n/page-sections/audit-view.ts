// Imported for its effect by the client modules that use the 操作日志（审计员视图） section of the catalogue: the section
// reaches the browser with their pages, not with every page (lib/i18n/client-catalogue.ts).
import { addZhSections } from "../client-catalogue";
import { auditViewZh } from "../messages/sections/audit-view";

addZhSections({ auditView: auditViewZh });
