// The URL is the whole counterfactual: writing a state and reading it back gives the same state; junk in a link is dropped.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { baseline, fromHash, sameRun, startingState, toHash } from './counterfactual.js';

test('a counterfactual survives the round trip through the URL fragment', () => {
  const cf = {
    ...baseline('sino-soviet', 7),
    mode: 'replay' as const,
    off: ['ideology', 'economy'],
    params: { 'rules.activity': 0.42, 'security.entrapment': 1.25 },
    without: ['warsaw-talks', 'E2'],
    moved: { 'secret-speech': '1957-02' },
    tab: 'why',
    event: 'E2',
    play: 'mao-moscow:demand.none',
  };
  const hash = toHash(cf);
  assert.equal(hash, 's=sino-soviet&seed=7&mode=replay&off=economy,ideology&p=rules.activity:0.42,security.entrapment:1.25&without=E2,warsaw-talks&move=secret-speech:1957-02&tab=why&ev=E2&play=mao-moscow:demand.none');
  assert.deepEqual(fromHash(`#${hash}`, baseline('x', 1)), { ...cf, off: ['economy', 'ideology'], without: ['E2', 'warsaw-talks'] });
});

test('the baseline writes only the scenario and seed; an empty fragment gives the fallback', () => {
  assert.equal(toHash(baseline('minimal', 3)), 's=minimal&seed=3');
  assert.deepEqual(fromHash('', baseline('minimal', 3)), baseline('minimal', 3));
});

test('malformed parts of a link are dropped, not trusted', () => {
  const cf = fromHash('s=../etc&seed=-4&p=rules.activity:abc,x:1,rules.noise:0.5&move=E1:1957-13,E2:1957-02&without=<script>,E3', baseline('minimal', 3));
  assert.equal(cf.scenario, 'minimal');
  assert.equal(cf.seed, 3);
  assert.deepEqual(cf.params, { 'rules.noise': 0.5 });
  assert.deepEqual(cf.moved, { E2: '1957-02' });
  assert.deepEqual(cf.without, ['E3']);
});

test('the tab and the selected event do not change the run', () => {
  assert.ok(sameRun({ ...baseline('m', 1), tab: 'why' }, baseline('m', 1)));
  assert.ok(!sameRun({ ...baseline('m', 1), without: ['E1'] }, baseline('m', 1)));
  assert.ok(sameRun({ ...baseline('m', 1), play: 'mao-moscow:aid' }, baseline('m', 1)));
});

test('a scenario opens as written, or from a fit\'s parameters when the server gives them (serve --params)', () => {
  assert.deepEqual(startingState('sino-soviet', 1945, ['wedge'], null), { ...baseline('sino-soviet', 1945), off: ['wedge'] });
  const fitted = startingState('sino-soviet', 1945, ['wedge'], { mechanisms: { wedge: true, ideology: false, security: true }, params: { 'rules.activity': 0.5 } });
  assert.deepEqual(fitted.off, ['ideology'], 'the fit switches its mechanisms on and off over the scenario\'s own');
  assert.deepEqual(fitted.params, { 'rules.activity': 0.5 });
  assert.equal(toHash(fitted), 's=sino-soviet&seed=1945&off=ideology&p=rules.activity:0.5', 'a link made from it carries the fit\'s values');
});
