/**
 * Bin file for `npm run profiles -- <command>`; all logic is in cli-run.ts.
 */
import { runCli } from './cli-run';

process.exitCode = await runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
