// Entry of the sheet worker thread (src/ingest/isolated.ts). Plain JavaScript so that it starts
// under any parent — `tsx src/main.ts`, vitest, the CLI — then registers tsx for the TypeScript.
import { register } from "tsx/esm/api";

register();
const { serveSheetJobs } = await import(new URL("./sheetJob.ts", import.meta.url).href);
serveSheetJobs();
