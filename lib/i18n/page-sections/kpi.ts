// Imported for its effect by the client modules that use the 指标与驾驶舱 section of the catalogue: the section
// reaches the browser with their pages, not with every page (lib/i18n/client-catalogue.ts).
import { addZhSections } from "../client-catalogue";
import { kpiZh } from "../messages/sections/kpi";

addZhSections({ kpi: kpiZh });
