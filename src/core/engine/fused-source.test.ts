// The loop written out for a model's shape: only integers of the shape enter its text, a switched-off term is left out, and the
// text compiles (that it computes what the readable loop does is fused-run.test.ts's work, on every shipped scenario).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fusedSource, type LoopShape } from './fused-source.js';
import { MECHANISM_IDS } from './parameters.js';

/** Some of the environment's names, as fused-run.ts passes them all. */
const NAMES = ['rel', 'relBase', 'par', 'w'];

const shape: LoopShape = {
  months: 12, actors: 3, issues: 2, a: 0, b: 1, others: [2], nuclearIssues: [1], drifting: [1, 2, 3, 5, 6, 7], on: MECHANISM_IDS.map(() => 1),
};

test('the source is the same text for the same shape, and it compiles', () => {
  const source = fusedSource(shape, NAMES);
  assert.equal(fusedSource({ ...shape, others: [...shape.others] }, NAMES), source);
  assert.equal(typeof new Function('env', source), 'function');
  // The drift of each relation the run reads, as straight-line code with the shape's indices.
  for (const d of shape.drifting) assert.ok(source.includes(`rel[${d}] += memory * (relBase[${d}] - rel[${d}]);`), `relation ${d}`);
});

test('a switched-off term is left out of the text, its zero kept', () => {
  const withSecurity = fusedSource(shape, NAMES);
  const security = MECHANISM_IDS.indexOf('security');
  const without = fusedSource({ ...shape, on: shape.on.map((x, m) => (m === security ? 0 : x)) }, NAMES);
  assert.ok(withSecurity.includes('protection'));
  assert.ok(!without.includes('protection'), 'no security sum');
  assert.ok(without.includes(`C[${security}] = c;`), 'the term is still stored, as 0');
});

test('only integers of the shape enter the text: anything else is refused before any source is written', () => {
  const injected = { ...shape, a: '0; globalThis.pwned = 1; 0' } as unknown as LoopShape;
  assert.throws(() => fusedSource(injected, NAMES), TypeError);
  assert.throws(() => fusedSource({ ...shape, months: 12.5 }, NAMES), TypeError);
  assert.throws(() => fusedSource({ ...shape, drifting: [1, Number.NaN] }, NAMES), TypeError);
  assert.throws(() => fusedSource({ ...shape, on: [1, 1] }, NAMES), TypeError, 'a switch per mechanism');
  assert.throws(() => fusedSource(shape, ['rel } = env; globalThis.pwned = 1; const {']), TypeError, 'names are identifiers');
});
