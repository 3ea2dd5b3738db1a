// Pins what both models do on the published cases in data/bargaining, against each case's published result (SOURCE.md).
// Where a model misses the published result the test pins what it does; docs/bargaining.md reports the miss.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { runStream } from '../random/streams.js';
import { parseActorTable } from './actor-table.js';
import { parseKtabCsv } from './ktab-csv.js';
import { runBargaining } from './models.js';

const read = (path: string) => readFileSync(`data/bargaining/${path}`, 'utf8');

test('Cold War 1948 (BDM 1998): share of runs ending pro-US is 100% (Scholz rule) / 88% (BDM 1994 rule) vs published 68–78% — a miss', () => {
  // Source: BDM (1998) JCR 42(2), abstract: 68–78% probability the US wins; CDF annotated 22% pro-USSR, 78% pro-USA.
  // Inputs as transcribed by Masad; saliences redrawn uniformly every step, 25 steps, 100 seeded runs.
  const cw = parseActorTable(read('bdm1998-cold-war-1948/actors_transcribed_rescaled.csv'), 'cw.csv', { allowMissingSalience: true });
  const share = (probability: 'scholz' | 'pairwise', offers: 'scholz' | 'least-move') => {
    let usa = 0;
    let clear = 0;
    for (let r = 0; r < 100; r++) {
      const f = runBargaining('bdm', cw, { rounds: 25, bdm: { shock: 1, probability, offers } }, runStream(1948, r)).forecast[0];
      if (f > 0.5) usa++;
      if (f >= 0.6) clear++;
    }
    return { usa, clear };
  };
  const scholz = share('scholz', 'scholz');
  const bdm94 = share('pairwise', 'least-move');
  assert.deepEqual(scholz, { usa: 100, clear: 0 });
  assert.deepEqual(bdm94, { usa: 88, clear: 0 });
  // Both lie outside 68–78%; and the "pro-US" runs are the neutral bloc's stalemate at 0.507 (+1.4 on BDM's scale), as Masad found.
  for (const s of [scholz, bdm94]) assert.ok(s.usa > 78);
});

test('Iran 2013: both models forecast the centre (5–6), not Rouhani\'s position 8 — a miss of the actual outcome', () => {
  // Source: official result, Rouhani (position 8) won the first round with 50.7%; inputs probably Eftekhari & Rahimi (2014).
  const iran = parseActorTable(read('iran-2013-presidential-election/actors.csv'), 'iran.csv');
  const scholz = runBargaining('bdm', iran).forecast[0];
  const bdm94 = runBargaining('bdm', iran, { bdm: { probability: 'pairwise', offers: 'least-move' } }).forecast[0];
  const smp = runBargaining('smp', iran).forecast[0];
  assert.equal(scholz, 5);
  assert.equal(bdm94.toFixed(2), '4.85');
  assert.equal(smp.toFixed(2), '6.03');
  for (const f of [scholz, bdm94, smp]) assert.ok(Math.abs(f - 8) > 1.5, `forecast ${f} is not near Rouhani's 8`);
});

test('China democratisation (BDM 2002, second-hand): BDM stays at 20–25 against a reported median of 52; the SMP reaches 46', () => {
  // Source: Masad's reading of Predicting Politics ch. 3 (reported median 52, weak evidence); saliences redrawn with p = 0.2.
  const masad = parseActorTable(read('bdm2002-china-democratization/actors_masad.csv'), 'c.csv', { salienceScale: 100 });
  const step2: number[] = [];
  for (let r = 0; r < 100; r++) step2.push(runBargaining('bdm', masad, { rounds: 2, bdm: { shock: 0.2 } }, runStream(2002, r)).forecast[0]);
  step2.sort((a, b) => a - b);
  assert.equal(step2[50], 20);
  assert.equal(step2[99], 25);
  // Masad reports 15–20 for a Scholz-style model; ours agrees and misses 52. KTAB's SMP lands nearer.
  assert.equal(runBargaining('smp', masad).forecast[0].toFixed(1), '46.0');
  const williams = parseActorTable(read('bdm2002-china-democratization/actors_williams.csv'), 'w.csv', { salienceScale: 100 });
  assert.equal(runBargaining('smp', williams).forecast[0].toFixed(1), '42.2');
});

test('China SOE reform (Efird, Lester & Wise 2016): every model forecasts little reform on every scenario', () => {
  // Source: the paper's abstract, "little reform is likely" — qualitative only; low positions mean little reform.
  for (const file of ['SOE-Policy.csv', 'SOE-Competitive.csv', 'SOE-Pol-Comp.csv']) {
    const p = parseKtabCsv(read(`ktab-china-soe-2016/${file}`), file);
    for (const model of ['bdm', 'smp'] as const) {
      const f = runBargaining(model, p).forecast;
      assert.ok(f.every((x) => x <= 50), `${file} ${model}: ${f}`);
    }
  }
});
