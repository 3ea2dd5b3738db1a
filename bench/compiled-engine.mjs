// The compiled engine's entry points (dist/) for the benchmarks' plain `node` children, which time it as `schism` runs it (a
// process that has loaded tsx, as every `npm run bench` process has, runs the same compiled code about a fifth slower).
const dist = new URL('../dist/', import.meta.url);
const load = (path) => import(new URL(path, dist).href);

export const { compile } = await load('core/engine/compile.js');
export const { expectRuns } = await load('core/engine/fused-run.js');
export const { runModel } = await load('core/engine/run.js');
export const { runStream } = await load('core/random/streams.js');
export const { loadScenarioText } = await load('core/scenario/parse.js');
export const { digestShape } = await load('core/analysis/ensembles/run-digest.js');
export const { runChunk } = await load('core/analysis/ensembles/ensemble-chunk.js');
