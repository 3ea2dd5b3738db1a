// Merges ensemble folders of disjoint, contiguous run ranges (shards) into one, byte-identical to a single run over the whole range.
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { Transform } from 'node:stream';
import { mergeStats, statsFromJson, statsToJson, type StatsJson } from '../../core/analysis/ensembles/ensemble-stats.js';
import { shapeOfLayout, type DigestLayout } from '../../core/analysis/ensembles/run-digest.js';
import { breakDatesCsv, cooperationBandsCsv, ensembleSummary } from '../../core/output/ensemble.js';
import { replaceFolder } from './atomic-write.js';

/** Ensemble folders that cannot be merged, and why. */
export class MergeError extends Error {
  override name = 'MergeError';
}

interface Manifest {
  kind: string;
  runs: number;
  range: { from: number; to: number };
  layout: DigestLayout;
  files: string[];
  [key: string]: unknown;
}

/** Drops the first line of a stream (a CSV header, kept only from the first part). */
function dropFirstLine(): Transform {
  let dropping = true;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      if (!dropping) return done(null, chunk);
      const nl = chunk.indexOf(10);
      if (nl < 0) return done();
      dropping = false;
      done(null, chunk.subarray(nl + 1));
    },
  });
}

async function readManifest(dir: string): Promise<Manifest> {
  let m: Manifest;
  try {
    m = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  } catch (err) {
    throw new MergeError(`${dir}: no readable manifest.json (${(err as Error).message}); is it a finished ensemble folder?`);
  }
  if (m.kind !== 'ensemble' || !m.range || !m.layout) throw new MergeError(`${dir}/manifest.json is not the manifest of an ensemble`);
  return m;
}

/**
 * Merges the folders into `out` (written beside it, then renamed into place). The parts must share every manifest field but
 * the range, and their ranges must follow one another without gap or overlap. Returns the merged range.
 * @example await mergeEnsembles(['runs/s0', 'runs/s1'], 'runs/all');
 */
export async function mergeEnsembles(dirs: string[], out: string): Promise<{ from: number; to: number; runs: number; summary: Record<string, unknown> }> {
  if (dirs.length === 0) throw new MergeError('name at least one ensemble folder to merge');
  const parts = await Promise.all(dirs.map(async (dir) => ({ dir, manifest: await readManifest(dir) })));
  parts.sort((a, b) => a.manifest.range.from - b.manifest.range.from);
  const key = (m: Manifest) => JSON.stringify({ ...m, range: null });
  const first = parts[0].manifest;
  for (const p of parts) {
    if (key(p.manifest) !== key(first)) throw new MergeError(`${p.dir} is not a shard of the same ensemble as ${parts[0].dir} (its scenario, seed, run count, world or parameters differ)`);
  }
  for (let i = 1; i < parts.length; i++) {
    const prev = parts[i - 1].manifest.range;
    const cur = parts[i].manifest.range;
    if (cur.from < prev.to) throw new MergeError(`${parts[i].dir} (runs ${cur.from}..${cur.to - 1}) overlaps ${parts[i - 1].dir} (runs ${prev.from}..${prev.to - 1})`);
    if (cur.from > prev.to) throw new MergeError(`runs ${prev.to}..${cur.from - 1} are missing between ${parts[i - 1].dir} and ${parts[i].dir}`);
  }
  const range = { from: first.range.from, to: parts[parts.length - 1].manifest.range.to };

  const shape = shapeOfLayout(first.layout);
  const readStats = async (dir: string) => {
    try {
      return statsFromJson(JSON.parse(await readFile(join(dir, 'stats.json'), 'utf8')) as StatsJson, shape);
    } catch (err) {
      throw new MergeError(`${dir}/stats.json cannot be read or does not fit its manifest (${(err as Error).message})`);
    }
  };
  const stats = await readStats(parts[0].dir);
  for (const p of parts.slice(1)) mergeStats(stats, await readStats(p.dir));

  const target = resolve(out);
  const tmp = join(dirname(target), `.${basename(target)}.merge-${process.pid}`);
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });
  try {
    for (const name of ['runs.csv', 'cooperation.csv']) {
      const sink = createWriteStream(join(tmp, name));
      for (let i = 0; i < parts.length; i++) {
        const source = createReadStream(join(parts[i].dir, name));
        await pipeChain(i === 0 ? source : source.pipe(dropFirstLine()), sink);
      }
      await new Promise<void>((done, fail) => sink.end((err?: Error | null) => (err ? fail(err) : done())));
    }
    const summary = ensembleSummary(stats, shape);
    const manifest = { ...first, range };
    await writeFile(join(tmp, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    await writeFile(join(tmp, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
    await writeFile(join(tmp, 'break-dates.csv'), breakDatesCsv(stats, shape));
    await writeFile(join(tmp, 'cooperation-bands.csv'), cooperationBandsCsv(stats, shape));
    await writeFile(join(tmp, 'stats.json'), `${JSON.stringify(statsToJson(stats))}\n`);
    await replaceFolder(tmp, target, `${tmp}-old`);
    return { ...range, runs: first.runs, summary };
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
}

/** Pipes a readable into a writable that stays open for the next part. */
function pipeChain(source: NodeJS.ReadableStream, sink: NodeJS.WritableStream): Promise<void> {
  return new Promise((done, fail) => {
    source.on('error', fail);
    source.on('end', () => done());
    source.pipe(sink, { end: false });
  });
}
