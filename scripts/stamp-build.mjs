// Run by `npm run build` after tsc and the CLI bundle succeed: marks dist/ as a complete build, so bin/schism.js knows it is current.
import { writeFileSync } from 'node:fs';

writeFileSync('dist/.build-stamp', `${new Date().toISOString()}\n`);
