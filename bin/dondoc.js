#!/usr/bin/env node
// Entry point of the `dondoc` admin CLI: registers tsx so the TypeScript sources run as they
// are (no build step), then hands over to src/cli/main.ts.
import { register } from "tsx/esm/api";

// `dondoc … | head` closes the pipe early: that is not an error worth a stack trace.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

register();
const { main } = await import(new URL("../src/cli/main.ts", import.meta.url).href);
process.exitCode = await main(process.argv);
