// Imported for its effect by the client modules that use the 开始使用 section of the catalogue: the section
// reaches the browser with their pages, not with every page (lib/i18n/client-catalogue.ts).
import { addZhSections } from "../client-catalogue";
import { setupZh } from "../messages/sections/setup";

addZhSections({ setup: setupZh });
