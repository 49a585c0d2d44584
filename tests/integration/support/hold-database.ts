// Opens the embedded database the way `npm start` does, leaves a marker row, says "ready", then waits to be killed.
import pg from "pg";
import { readEnv } from "../../../lib/env";
import { openDatabase } from "../../../lib/runtime/database";

const [dataDir, port] = process.argv.slice(2);
const database = await openDatabase(readEnv({ TANDEM_DATA_DIR: dataDir, TANDEM_PG_PORT: port }));
const client = new pg.Client({ connectionString: database.url });
await client.connect();
await client.query("CREATE TABLE IF NOT EXISTS marker (note text)");
await client.query("INSERT INTO marker VALUES ('written before the crash')");
await client.end();
console.log("ready");
setInterval(() => {}, 60_000);
