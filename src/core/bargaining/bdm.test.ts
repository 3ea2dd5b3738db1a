// Pins the BDM model on the EC car-emissions case (BDM 1994, p. 78; Scholz, Calbert & Smith 2011) and its seeded shocks.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseActorTable } from './actor-table.js';
import { BDM_DEFAULTS, bdmForecast, bdmPerceptions, bdmRunIssue, bdmStart } from './bdm.js';
import { runStream } from '../random/streams.js';
import { loadScenarioText } from '../scenario/parse.js';
import { scenarioProblems } from './scenario-issues.js';
import { weightedMean, weightedMedian } from './types.js';

const DIR = 'data/bargaining/bdm1994-ec-car-emissions';
const ec = parseActorTable(readFileSync(`${DIR}/actors.csv`, 'utf8'), 'actors.csv');
const x = ec.positions.map((p) => p[0]);
const c = ec.actors.map((a) => a.capability);
const s = ec.salience.map((v) => v[0]);
const w = c.map((ci, i) => ci * s[i]);
const index = (name: string) => ec.actors.findIndex((a) => a.id === name);

test('EC car emissions: initial median voter position 7 and weighted mean 7.39 (BDM 1994 p. 78; Scholz et al. 2011)', () => {
  assert.equal(weightedMedian(x, w), 7);
  assert.equal(Math.round(weightedMean(x, w) * 100) / 100, 7.39);
});

test('EC car emissions: signs of Belgium\'s first-round expected utilities match BDM 1994\'s octant figure (read in SOURCE.md)', () => {
  // Source: BDM (1994) figure, reproduced by Scholz et al. (2011); coordinates read off a scan, so only signs are tested.
  const { eu } = bdmPerceptions(bdmStart(x, c, s), BDM_DEFAULTS);
  const belgium = eu[index('Belgium')];
  const sign = (v: number) => (Math.abs(v) < 1e-9 ? 0 : Math.sign(v));
  const expected: Record<string, [number, number]> = {
    Luxembourg: [1, 1], Denmark: [-1, 1], Germany: [-1, 1], UK: [-1, 1], Netherlands: [-1, 1], France: [-1, 1], Italy: [-1, 1],
    Ireland: [0, 0], Greece: [0, 0],
  };
  for (const [name, [si, sj]] of Object.entries(expected)) {
    const [euI, euJ] = belgium[index(name)];
    assert.deepEqual([sign(euI), sign(euJ)], [si, sj], `${name}: (${euI.toFixed(3)}, ${euJ.toFixed(3)})`);
  }
  // Magnitudes we get, for the record (published reading ±0.05): Luxembourg (+0.6, +0.25), Denmark (−0.83, +0.25).
  assert.ok(Math.abs(belgium[index('Luxembourg')][0] - 0.6) < 0.05 && Math.abs(belgium[index('Denmark')][0] + 0.83) < 0.05);
});

test('EC car emissions: medians and means of rounds 0–10 equal the Scholz-code re-implementation (implementation output, SOURCE.md §3)', () => {
  const rows = readFileSync(`${DIR}/scholz_replication_trajectory_IMPLEMENTATION_OUTPUT.csv`, 'utf8').trim().split('\n').slice(1);
  const run = bdmRunIssue(x, c, s, { rounds: 10 });
  rows.forEach((line, t) => {
    const [, median, mean] = line.split(',').map(Number);
    assert.equal(run.median[t].toFixed(4), median.toFixed(4), `median, round ${t}`);
    assert.equal(run.mean[t].toFixed(4), mean.toFixed(4), `mean, round ${t}`);
  });
  // The model cycles rather than converging (SOURCE.md), and never reaches the actual outcome, 8.833 years.
  assert.equal(run.median[10], 7);
});

test('EC car emissions, BDM 1994 reading (pairwise probabilities, least-move offers): pinned trajectory, not a published result', () => {
  const run = bdmRunIssue(x, c, s, { rounds: 10, probability: 'pairwise', offers: 'least-move' });
  assert.deepEqual(run.median.map((m) => Number(m.toFixed(3))), [7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7]);
  assert.equal(run.mean[10].toFixed(3), '7.199');
});

test('salience shocks reproduce exactly from a seed and differ across seeds', () => {
  const go = (seed: number) => bdmRunIssue(x, c, s, { rounds: 10, shock: 0.2 }, runStream(seed, 0)).positions;
  assert.deepEqual(go(3), go(3));
  assert.notDeepEqual(go(3), go(4));
  assert.throws(() => bdmRunIssue(x, c, s, { shock: 0.2 }), /seeded random source/);
});

test('Moscow 1949-50, the treaty: positions cycle, so the forecast is the cycle\'s mean median whatever the parity of --rounds', () => {
  // With the last round's median as forecast, rounds 9, 10 and 11 gave 100, 10 and 100.
  const file = 'scenarios/moscow-1949-50.yaml';
  const treaty = scenarioProblems(loadScenarioText(readFileSync(file, 'utf8'), file), '1949-12').find((p) => p.issue === 'TRTY')!.problem!;
  const runs = [9, 10, 11, 30].map((rounds) => bdmRunIssue(treaty.positions.map((p) => p[0]), treaty.actors.map((a) => a.capability), treaty.salience.map((v) => v[0]), { rounds }));
  for (const r of runs) {
    const { from, period, mean } = r.cycle!;
    assert.ok(period >= 2);
    assert.deepEqual(r.positions[from + period], r.positions[from]);
    assert.equal(mean, r.median.slice(from, from + period).reduce((a, b) => a + b, 0) / period);
    assert.match(r.stop, /cycle/);
  }
  assert.notEqual(runs[0].median.at(-1), runs[1].median.at(-1)); // the last median alone flips with the parity
  assert.equal(new Set(runs.map(bdmForecast)).size, 1);
});

test('the EC case wanders without repeating a state: no cycle is claimed and the last median is the forecast', () => {
  const r = bdmRunIssue(x, c, s, { rounds: 40 });
  assert.equal(r.cycle, undefined);
  assert.equal(bdmForecast(r), r.median[40]);
});
