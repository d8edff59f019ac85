// `npm run user:create-auditor [username]`: an auditor account from the server's command line. The admin's
// screens cannot create or reset auditors (三权分立); an auditor can, on /admin/auditors.
import { createAccountFromCli } from "./create-account";

await createAccountFromCli("auditor", process.argv);
