// The on-disk journal of an ensemble in progress: per-run files appended chunk by chunk, a checkpoint after each, resumable after any kill.
//
// Layout, beside the output folder OUT:
//   .OUT.partial/job.json         what is being computed (the resume key: same arguments, same job)
//   .OUT.partial/checkpoint.json  runs done, byte lengths of the per-run files, the counts so far (written atomically)
//   .OUT.partial/out/             runs.csv and cooperation.csv, appended; at the end the summaries, then renamed to OUT
// A kill at any moment leaves the per-run files at most one chunk ahead of the checkpoint; resuming truncates them back
// to the checkpoint's lengths, so nothing is lost or written twice.
import { existsSync } from 'node:fs';
import { mkdir, open, readFile, rm, stat, writeFile, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { emptyStats, mergeStats, statsFromJson, statsToJson, type EnsembleStats, type StatsJson } from '../../core/analysis/ensembles/ensemble-stats.js';
import type { DigestShape } from '../../core/analysis/ensembles/run-digest.js';
import type { ChunkBytes } from '../../core/output/ensemble.js';
import { replaceFolder, writeFileAtomic, type FileSet } from './atomic-write.js';

/** An unfinished ensemble with other arguments is in the way, or its journal is damaged; the message names the journal. */
export class ResumeConflict extends Error {
  override name = 'ResumeConflict';
}

/** A journal that cannot be trusted: refused with the file that is wrong, never resumed into corrupt output. */
function damaged(file: string, what: string, work: string): ResumeConflict {
  return new ResumeConflict(`the ensemble journal ${file} is damaged: ${what}; delete ${work} to start afresh`);
}

/** Reads and checks a checkpoint: a whole number of runs done within the job, a byte length for every per-run file. */
async function readCheckpoint(path: string, work: string, names: string[], headers: Record<string, string>, total: number): Promise<Checkpoint> {
  let c: Checkpoint;
  try {
    c = JSON.parse(await readFile(path, 'utf8')) as Checkpoint;
  } catch (err) {
    throw damaged(path, `it is not JSON (${(err as Error).message.split('\n')[0]})`, work);
  }
  if (typeof c !== 'object' || c === null) throw damaged(path, 'it is not an object', work);
  if (!Number.isSafeInteger(c.done) || c.done < 0 || c.done > total) throw damaged(path, `"done" must be a whole number from 0 to ${total}`, work);
  if (typeof c.bytes !== 'object' || c.bytes === null) throw damaged(path, '"bytes" is missing', work);
  for (const name of names) {
    const n = c.bytes[name];
    if (!Number.isSafeInteger(n) || n < Buffer.byteLength(headers[name])) throw damaged(path, `"bytes" of ${name} must be a whole number of at least its header's length`, work);
  }
  if (typeof c.stats !== 'object' || c.stats === null) throw damaged(path, '"stats" is missing', work);
  return c;
}

interface Checkpoint {
  done: number;
  bytes: Record<string, number>;
  stats: StatsJson;
}

/** An ensemble's journal, opened fresh or resumed. */
export interface Journal {
  /** Runs already done (a prefix of the job's range), and their counts. */
  readonly done: number;
  readonly stats: EnsembleStats;
  /** True when an earlier invocation had already put the finished output in place; nothing is left to do. */
  readonly placed: boolean;
  /** Appends the next chunk's lines and counts, durably, then checkpoints. */
  append(result: ChunkBytes): Promise<void>;
  /** Writes the summary files beside the per-run files and puts the folder in place atomically. */
  finish(files: FileSet): Promise<void>;
  /** Closes the per-run files (the journal stays on disk for a later resume). */
  close(): Promise<void>;
}

/**
 * Opens (or resumes) the journal of an ensemble whose final output goes to `outDir`.
 * @param job what is computed; a resume must present the same job, or ResumeConflict is thrown
 * @param headers the per-run files and their header lines, e.g. { 'runs.csv': RUNS_HEADER }
 */
export async function openJournal(outDir: string, job: unknown, shape: DigestShape, headers: Record<string, string>, total: number): Promise<Journal> {
  const target = resolve(outDir);
  const work = join(dirname(target), `.${basename(target)}.partial`);
  const out = join(work, 'out');
  const jobText = `${JSON.stringify(job, null, 2)}\n`;
  const checkpointPath = join(work, 'checkpoint.json');

  const names = Object.keys(headers);
  let checkpoint: Checkpoint | null = null;
  if (existsSync(join(work, 'job.json'))) {
    const before = await readFile(join(work, 'job.json'), 'utf8');
    if (before !== jobText) {
      throw new ResumeConflict(`${work} holds an unfinished ensemble with other arguments; rerun it with those arguments, or delete that folder to start afresh`);
    }
    if (existsSync(checkpointPath)) checkpoint = await readCheckpoint(checkpointPath, work, names, headers, total);
  } else {
    await rm(work, { recursive: true, force: true });
    await mkdir(out, { recursive: true });
    await writeFileAtomic(join(work, 'job.json'), jobText);
  }

  let stats: EnsembleStats;
  try {
    stats = checkpoint ? statsFromJson(checkpoint.stats, shape) : emptyStats(shape);
  } catch (err) {
    throw damaged(checkpointPath, `its counts do not fit this job (${(err as Error).message})`, work);
  }
  if (checkpoint && stats.runs !== checkpoint.done) throw damaged(checkpointPath, `it counts ${stats.runs} runs but says ${checkpoint.done} are done`, work);
  let done = checkpoint?.done ?? 0;
  if (done >= total && !existsSync(out)) {
    // The finished folder was renamed into place before the journal could be removed.
    if (!existsSync(target)) throw damaged(out, 'the finished runs are neither in the journal nor in the output folder', work);
    await rm(work, { recursive: true, force: true });
    return { done, stats, placed: true, append: async () => {}, finish: async () => {}, close: async () => {} };
  }

  if (checkpoint) {
    // The per-run files must hold at least what the checkpoint counts: a shorter or missing one lost runs, and
    // extending it would write NUL bytes into the output.
    for (const name of names) {
      const path = join(out, name);
      const size = existsSync(path) ? (await stat(path)).size : -1;
      if (size < checkpoint.bytes[name]) {
        throw damaged(path, size < 0 ? `it is missing, while ${checkpointPath} counts ${checkpoint.done} runs in it` : `it holds ${size} bytes, fewer than the ${checkpoint.bytes[name]} its checkpoint counts`, work);
      }
    }
  }
  await mkdir(out, { recursive: true });
  const bytes: Record<string, number> = {};
  const handles: Record<string, FileHandle> = {};
  for (const name of names) {
    const path = join(out, name);
    const fh = await open(path, existsSync(path) ? 'r+' : 'w+');
    handles[name] = fh;
    const keep = checkpoint?.bytes[name];
    if (keep === undefined) {
      await fh.truncate(0);
      const head = Buffer.from(headers[name]);
      await fh.write(head, 0, head.length, 0);
      bytes[name] = head.length;
    } else {
      await fh.truncate(keep);
      bytes[name] = keep;
    }
    await fh.sync();
  }

  const journal: Journal = {
    get done() { return done; },
    stats,
    placed: false,
    async append(result) {
      const data: Record<string, Uint8Array> = { 'runs.csv': result.runs, 'cooperation.csv': result.cooperation };
      for (const name of names) {
        const buf = data[name] ?? new Uint8Array(0);
        await handles[name].write(buf, 0, buf.length, bytes[name]);
        await handles[name].sync();
        bytes[name] += buf.length;
      }
      mergeStats(stats, result.stats);
      done += result.to - result.from;
      const next: Checkpoint = { done, bytes, stats: statsToJson(stats) };
      // Durable: the checkpoint is synced before it replaces the last one, so a power loss leaves one or the other whole.
      await writeFileAtomic(checkpointPath, JSON.stringify(next), { durable: true });
    },
    async finish(files) {
      await journal.close();
      for (const [name, content] of Object.entries(files)) await writeFile(join(out, name), content);
      await replaceFolder(out, target, join(work, 'replaced'));
      await rm(work, { recursive: true, force: true });
    },
    async close() {
      for (const name of names) await handles[name]?.close().catch(() => {});
      for (const name of names) delete handles[name];
    },
  };
  return journal;
}
