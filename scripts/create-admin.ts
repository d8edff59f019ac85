// `npm run user:create-admin [username]`: the first administrator when running with DEMO=0.
import { createAccountFromCli } from "./create-account";

await createAccountFromCli("admin", process.argv);
