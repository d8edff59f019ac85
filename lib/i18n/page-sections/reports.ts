// Imported for its effect by the client modules that use the 季度汇总 section of the catalogue: the section
// reaches the browser with their pages, not with every page (lib/i18n/client-catalogue.ts).
import { addZhSections } from "../client-catalogue";
import { reportsZh } from "../messages/sections/reports";

addZhSections({ reports: reportsZh });
