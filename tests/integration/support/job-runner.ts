// A separate process that runs the pending background jobs against DATABASE_URL, like the server does after it starts:
// the import tests kill it (SIGKILL) mid-import, a real interruption with a transaction in flight.
import { runPendingJobs } from "../../../lib/jobs/service";

await runPendingJobs();
process.exit(0);
