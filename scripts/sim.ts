/**
 * Simulator CLI entry point; the logic is in scripts/sim-cli.ts (tested in-process).
 * `npm run sim` runs the prebuilt bundle (scripts/build-sim.mjs → .sim/sim.mjs) for a fast start.
 */
import { runCli } from './sim-cli';

const result = runCli(process.argv.slice(2));
if (result.stdout) process.stdout.write(result.stdout);
if (result.stderr) process.stderr.write(result.stderr);
process.exitCode = result.code;
