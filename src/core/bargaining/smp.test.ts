// Pins the SMP against KTAB's own 2017 reference run on SOE-Pol-Comp (ktab-china-soe-2016/SOURCE.md) and its seeded stochastic mode.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseKtabCsv } from './ktab-csv.js';
import { runBargaining } from './models.js';
import { SMP_DEFAULTS, smpRun, smpSetup, smpTurn } from './smp.js';
import { runStream } from '../random/streams.js';

const DIR = 'data/bargaining/ktab-china-soe-2016';
const soe = parseKtabCsv(readFileSync(`${DIR}/SOE-Pol-Comp.csv`, 'utf8'), 'SOE-Pol-Comp.csv');
const log = readFileSync(`${DIR}/ktab_ref_run_SOE-Pol-Comp_2017-05-30_EXCERPT.txt`, 'utf8');

/** The reference log's "History of actor positions" (printed %5.1f) and winning probabilities (printed %.4f). */
function reference() {
  const positions = new Map<string, number[]>();
  const probs = new Map<string, number[]>();
  for (const line of log.split('\n')) {
    const pos = /^(\S+), (.+ Position):\s+(.*)$/.exec(line);
    if (pos) positions.set(`${pos[1]}|${pos[2]}`, pos[3].trim().split(/\s+/).map(Number));
    const pr = /^(\S+), prob :\s+(.*)$/.exec(line);
    if (pr) probs.set(pr[1], pr[2].trim().split(/\s+/).map(Number));
  }
  return { positions, probs };
}

test('SOE-Pol-Comp: every actor\'s position, every turn, matches KTAB smpc\'s 2017 reference log to its printed precision', () => {
  // Source: KTAB regression log 20170530_ref-SOE-Pol-Comp.txt (excerpt in data/), smpc defaults, 28 states.
  const ref = reference();
  const setup = smpSetup(soe.actors.map((a) => a.capability), soe.salience);
  const run = smpRun(setup, Float64Array.from(soe.positions.flatMap((p) => p.map((x) => x / 100))), { probabilities: true });
  assert.equal(run.states.length, 28);
  assert.match(run.stop, /turn 27 moved 0\.0083/);
  soe.actors.forEach((a, i) => {
    soe.dimensions.forEach((dim, d) => {
      const printed = ref.positions.get(`${a.id}|${dim.id}`)!;
      assert.equal(printed.length, 28);
      // Printed to 0.1, so agreement means |ours − printed| ≤ 0.05 (C prints exact halves to even, hence ≤ not <).
      printed.forEach((p, t) => assert.ok(Math.abs(run.states[t][i * 2 + d] * 100 - p) <= 0.05 + 1e-9, `${a.id} ${dim.id} turn ${t}: ${run.states[t][i * 2 + d] * 100} vs ${p}`));
    });
    const printedP = ref.probs.get(a.id)!;
    printedP.forEach((p, t) => assert.ok(Math.abs(run.probabilities[t][i] - p) <= 0.00005 + 1e-9, `${a.id} prob turn ${t}`));
  });
});

test('SOE-Pol-Comp: the forecast stays far from the reform end, as Efird, Lester & Wise (2016) conclude ("little reform is likely")', () => {
  const run = runBargaining('smp', soe);
  assert.ok(run.forecast.every((f) => f < 50), `forecast ${run.forecast}`);
  assert.deepEqual(run.forecast.map((f) => Number(f.toFixed(2))), [38.82, 30.72]);
});

test('stochastic transitions reproduce exactly from a seed (KTAB\'s threads share one generator and do not)', () => {
  const go = (seed: number) => runBargaining('smp', soe, { smp: { transitions: 'Stochastic' } }, runStream(seed, 0)).rounds;
  assert.deepEqual(go(5), go(5));
  assert.notDeepEqual(go(5), go(6));
});

test('an actor of salience 0 carries no weight: the SMP runs, every position is finite, and it never challenges', () => {
  const problem = {
    title: 'zero salience',
    actors: [{ id: 'A', name: 'A', capability: 40 }, { id: 'B', name: 'B', capability: 30 }, { id: 'C', name: 'C', capability: 30 }, { id: 'Z', name: 'Z', capability: 100 }],
    dimensions: [{ id: 'd', name: 'd', low: 0, high: 100 }],
    positions: [[10], [60], [90], [100]],
    salience: [[0.8], [0.6], [0.7], [0]],
  };
  const run = runBargaining('smp', problem, { rounds: 30 });
  for (const state of run.rounds) for (const p of state) assert.ok(Number.isFinite(p[0]));
  assert.ok(Number.isFinite(run.forecast[0]));
  // Z, the strongest actor, is indifferent: the outcome is not pulled to its position at 100.
  assert.ok(run.forecast[0] < 100);
  const setup = smpSetup(problem.actors.map((a) => a.capability), problem.salience);
  const turn = smpTurn(setup, Float64Array.from(problem.positions.map((p) => p[0] / 100)), { ...SMP_DEFAULTS });
  assert.ok(turn.bargains.every((b) => b.init !== 3 || b.rcvr === 3), 'Z initiates no challenge');
});

test('forecastByRound, computed when first read, is each round\'s most probable position as smpRun gives the probabilities', () => {
  const run = runBargaining('smp', soe);
  const setup = smpSetup(soe.actors.map((a) => a.capability), soe.salience);
  const ref = smpRun(setup, Float64Array.from(soe.positions.flatMap((p) => p.map((x) => x / 100))), { probabilities: true });
  const expected = ref.states.map((s, t) => {
    const p = ref.probabilities[t];
    let best = 0;
    for (let i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
    return [s[best * 2] * 100, s[best * 2 + 1] * 100];
  });
  assert.equal(run.forecastByRound.length, 28);
  run.forecastByRound.forEach((f, t) => f.forEach((x, d) => assert.ok(Math.abs(x - expected[t][d]) < 1e-9, `round ${t} dimension ${d}: ${x} vs ${expected[t][d]}`)));
  assert.equal(run.forecastByRound.at(-1), run.forecast);
  assert.equal(run.forecastByRound, run.forecastByRound, 'computed once');
});
