// The intake benchmark's world (fresh database, production server, one API key) kept running until Ctrl-C, for
// looking at the server under a load tool by hand: prints the base URL and the key.
//
//   node --import tsx --conditions=react-server scripts/bench/intake-serve.ts
import path from "node:path";
import { startIntakeWorld } from "./intake-setup";

const world = await startIntakeWorld(path.join(process.cwd(), ".data/bench"), (line) => console.log(line));
console.log(JSON.stringify({ baseUrl: world.baseUrl, apiKey: world.apiKey, databaseUrl: world.databaseUrl }));
const stop = () => void world.stop().then(() => process.exit(0));
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
