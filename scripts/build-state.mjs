// Whether dist/ is a current build (build-state.cjs, which bin/schism.js loads as CommonJS), for the ES-module scripts.
export { buildIsCurrent, newestSource } from './build-state.cjs';
