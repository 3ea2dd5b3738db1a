// A real Slurm job array: scripts/slurm/ensemble.sbatch runs three shards on a one-node cluster, and their merge equals one unsharded run byte for byte.
// Skipped when no Slurm cluster answers here (scripts/slurm/one-node-cluster.sh starts one, as root; CI does so before the tests).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const sinfo = spawnSync('sinfo', ['-h', '-o', '%T'], { encoding: 'utf8', timeout: 10_000 });
const up = sinfo.status === 0 && /idle|mixed|alloc/.test(sinfo.stdout);

test('a Slurm job array of three shards merges to the single-machine result', { skip: up ? false : 'no Slurm cluster answers here (scripts/slurm/one-node-cluster.sh starts one)' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'schism-slurm-'));
  const env = { ...process.env, SCENARIO: 'test/fixtures/minimal.yaml', RUNS: '90', SEED: '5', SHARDS_DIR: join(dir, 'shards') };
  const submit = spawnSync('sbatch', ['--wait', '--array=0-2', '--cpus-per-task=1', `--output=${join(dir, 'slurm-%A_%a.out')}`, 'scripts/slurm/ensemble.sbatch'], { encoding: 'utf8', env, timeout: 300_000 });
  const logs = readdirSync(dir).filter((f) => f.startsWith('slurm-')).map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
  assert.equal(submit.status, 0, `sbatch: ${submit.stderr}\n${logs}`);
  assert.deepEqual(readdirSync(join(dir, 'shards')).sort(), ['shard-0', 'shard-1', 'shard-2']);
  const node = (...args: string[]) => spawnSync(process.execPath, ['bin/schism.js', ...args], { encoding: 'utf8' });
  const merged = node('merge', ...['shard-2', 'shard-0', 'shard-1'].map((s) => join(dir, 'shards', s)), '--out', join(dir, 'merged'));
  assert.equal(merged.status, 0, merged.stderr);
  const whole = node('ensemble', 'test/fixtures/minimal.yaml', '--runs', '90', '--seed', '5', '--workers', '1', '--quiet', '--out', join(dir, 'whole'));
  assert.equal(whole.status, 0, whole.stderr);
  for (const f of readdirSync(join(dir, 'whole'))) assert.ok(readFileSync(join(dir, 'whole', f)).equals(readFileSync(join(dir, 'merged', f))), `${f} differs`);
});
