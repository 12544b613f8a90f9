// `npm run sim`: runs the bundled CLI in this process, rebuilding it first if a source changed.
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { SIM_OUT_DIR, buildSim, simBundleStale } from './build-sim.mjs';

if (simBundleStale()) await buildSim();
await import(pathToFileURL(path.join(SIM_OUT_DIR, 'sim.mjs')).href);
