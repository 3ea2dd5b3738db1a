// Play mode on the hand-made scenario: decisions in the window only, the player's choices taken, the game replayable from its choices.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { compile } from '../../engine/compile.js';
import { loadScenarioText } from '../../scenario/parse.js';
import { simulateModel } from '../../engine/simulate.js';
import { direction, nearestAct, play, resolveRole, rolesOf, verdict, type Choice, type PlayRole } from './play.js';

const file = 'test/fixtures/minimal.yaml';
const model = compile(loadScenarioText(readFileSync(file, 'utf8'), file));
// The fixture's senior ally has a leader called "Second" from 1953; play him for the first half of 1954.
const role: PlayRole = { id: 'second', title: 'Second, 1954', actor: 'BIG', leader: 'Second', from: '1954-01', to: '1954-06', brief: 'a test', sources: ['made-up'], questions: [] };

test('a role resolves to its leader\'s actor, its alliance and its window', () => {
  const r = resolveRole(model, role);
  assert.equal(model.actorIds[r.actor], 'BIG');
  assert.equal(model.actorIds[r.partner], 'SMALL');
  assert.equal(r.first, 48);
  assert.equal(r.last, 53);
  assert.equal(r.menu.length, 11, 'every act and no act when the role offers no list');
  assert.deepEqual(resolveRole(model, { ...role, choices: ['none', 'force', 'aid'] }).menu, ['aid', 'force', 'none']);
  assert.throws(() => resolveRole(model, { ...role, actor: 'NOBODY' }), /no actor "NOBODY"/);
});

test('one decision per month of the window; before any choice the rule plays them all and the game waits at the first', () => {
  const s = play(model, 4, resolveRole(model, role), []);
  assert.deepEqual(s.decisions.map((d) => d.date), ['1954-01', '1954-02', '1954-03', '1954-04', '1954-05', '1954-06']);
  assert.equal(s.next, 0);
  const d = s.decisions[0];
  assert.ok(Math.abs(d.value - d.outside - d.margin) < 1e-12);
  assert.ok(d.reasons.length > 0 && d.reasons.length <= 3);
  assert.ok(d.rule === 'none' || d.rule === d.proposed);
});

test('choices are taken in order, the game ends after the last, and the same choices replay the same game', () => {
  const r = resolveRole(model, role);
  const choices = ['force', 'none', 'criticise', 'criticise', 'aid', 'none'] as const;
  const s = play(model, 4, r, choices);
  assert.equal(s.next, 6);
  assert.deepEqual(s.decisions.map((d) => d.chosen), [...choices]);
  const acts = s.result.log.filter((e) => e.type === 'simulated' && e.from === r.actor && e.month >= r.first && e.month <= r.last);
  assert.deepEqual(acts.map((e) => (e.type === 'simulated' ? e.act : '')), ['force', 'criticise', 'criticise', 'aid']);
  // Force in the first month makes the pair hostile at once in the played run.
  assert.equal(s.result.status[r.alliance * model.months + r.first], 3);
  assert.deepEqual(play(model, 4, r, choices).result.log, s.result.log);
  const v = verdict(s, model);
  assert.equal(v.decisions, 6);
  assert.equal(v.yourBreak, '1954-01');
  // The rule's own first choice, unplayed, is not force: so at most five of the six agree with it.
  assert.notEqual(play(model, 4, r, []).decisions[0].rule, 'force');
  assert.ok(v.sameAsRule <= 5);
});

test('a player who makes the rule\'s choice at every decision replays the rule\'s own run and agrees six times out of six', () => {
  const r = resolveRole(model, role);
  const choices: Choice[] = [];
  for (let i = 0; i < 6; i++) choices.push(play(model, 4, r, choices).decisions[i].rule);
  const s = play(model, 4, r, choices);
  const v = verdict(s, model);
  assert.equal(v.sameAsRule, 6);
  assert.equal(v.yourBreak, v.ruleBreak);
  assert.deepEqual(s.result.log, simulateModel(model, 4, 0).log);
});

test('a recorded act reads as the act with the nearest Goldstein weight, and acts have a direction', () => {
  assert.equal(nearestAct(-2.5), 'criticise');
  assert.equal(nearestAct(7), 'aid');
  assert.equal(direction('aid'), 1);
  assert.equal(direction('force'), -1);
  assert.equal(direction('none'), 0);
});

test('a teacher\'s role from the scenario: two paths give different outcomes, each set beside the model\'s own and the declared history', () => {
  const path = 'test/fixtures/classroom.yaml';
  const scenario = loadScenarioText(readFileSync(path, 'utf8'), path);
  const m = compile(scenario);
  const [teacher] = rolesOf(scenario);
  assert.equal(teacher.id, 'junior-1951');
  const r = resolveRole(m, teacher);
  const n = play(m, 3, r, []).decisions.length;
  assert.equal(n, 6);
  const friendly = verdict(play(m, 3, r, new Array(n).fill('aid')), m);
  const hostile = verdict(play(m, 3, r, new Array(n).fill('force')), m);
  assert.equal(hostile.yours.breakFromWindow, '1951-01', 'force in the first month breaks the pact at once');
  assert.notDeepEqual(friendly.yours, hostile.yours);
  assert.deepEqual(friendly.model, hostile.model, 'the model\'s own run does not depend on the class');
  assert.ok(friendly.history, 'the fixture declares statuses');
  assert.equal(friendly.history?.statusAtEnd, 'allied');
  assert.equal(friendly.history?.breakFromWindow, null);
  assert.equal(friendly.history?.months, 60);
});
