// `npm run db:seed`: migrations + dictionaries + (unless DEMO=0) demo accounts and sample data.
import { prepareDatabase } from "./prepare-db";

await prepareDatabase();
