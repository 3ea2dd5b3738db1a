// Writes a folder of outputs all at once: into a temporary folder beside the target, then renamed into place.
// The folder writes use Node's synchronous calls: a command writes a few files once and waits for them anyway, and
// handing each small operation to libuv's thread pool cost a one-shot `schism bargain` twice the CPU of the operations.
import { open, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** Files to write, by path relative to the output folder. */
export type FileSet = Record<string, string | Uint8Array>;

/** The temporary name of a write to `target` by this process: `.NAME.tmp-PID-TIME` beside it. */
function temporaryName(target: string): string {
  return join(dirname(target), `.${basename(target)}.tmp-${process.pid}-${Date.now()}`);
}

/**
 * Writes every file into `dir` atomically: on any failure nothing is left, and an existing `dir` is replaced only when all is written.
 * Temporary folders that killed processes left beside `dir` are cleared first.
 * @example await writeFolderAtomic('runs/a', { 'manifest.json': '{}' });
 */
export async function writeFolderAtomic(dir: string, files: FileSet): Promise<void> {
  const target = resolve(dir);
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  clearStale(target);
  const tmp = temporaryName(target);
  try {
    mkdirSync(tmp, { recursive: true });
    for (const [name, content] of Object.entries(files)) {
      const path = join(tmp, name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
    }
    replaceFolderNow(tmp, target, `${tmp}-old`);
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
}

/**
 * Puts a finished folder `ready` in the place of `target`: an existing target is first moved aside to `aside`, so the
 * target is never half-written, then removed.
 */
export async function replaceFolder(ready: string, target: string, aside: string): Promise<void> {
  replaceFolderNow(ready, target, aside);
}

function replaceFolderNow(ready: string, target: string, aside: string): void {
  let moved = false;
  try {
    renameSync(target, aside);
    moved = true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  renameSync(ready, target);
  if (moved) rmSync(aside, { recursive: true, force: true });
}

/**
 * Writes one file atomically: a temporary file beside it, then a rename. With `durable`, the file is synced before the
 * rename and the folder after it, so that a power loss leaves the old or the new content whole, never an empty file.
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array, options: { durable?: boolean } = {}): Promise<void> {
  const target = resolve(path);
  await mkdir(dirname(target), { recursive: true });
  await clearStaleWrites(target);
  const tmp = temporaryName(target);
  try {
    if (options.durable) {
      const fh = await open(tmp, 'w');
      try {
        await fh.writeFile(content);
        await fh.sync();
      } finally {
        await fh.close();
      }
    } else {
      await writeFile(tmp, content);
    }
    await rename(tmp, target);
    if (options.durable) await syncFolder(dirname(target));
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/** Flushes a folder's entries (a rename into it) to disk; some systems cannot open a folder for that, which is no error. */
async function syncFolder(dir: string): Promise<void> {
  try {
    const fh = await open(dir, 'r');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch {
    // Not supported here: the rename is still atomic, only not yet durable.
  }
}

/** True while a process with this id runs (or exists but is not ours to signal). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporary writes to `target` (`.NAME.tmp-PID-TIME`, and `-old` for an output moved aside) left by processes
 * that no longer run. A killed process may have moved the old output aside and not yet put the new one in place: then
 * the old output is put back, so the target is always whole or absent, and no hidden folder stays.
 */
export async function clearStaleWrites(target: string): Promise<void> {
  clearStale(target);
}

function clearStale(target: string): void {
  const parent = dirname(target);
  const prefix = `.${basename(target)}.tmp-`;
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return;
  }
  const stale = names
    .filter((n) => n.startsWith(prefix))
    .map((n) => ({ name: n, m: /^(\d+)-(\d+)(-old)?$/.exec(n.slice(prefix.length)) }))
    .filter((x): x is { name: string; m: RegExpExecArray } => x.m !== null && Number(x.m[1]) !== process.pid && !alive(Number(x.m[1])));
  // Asides first, newest first: the newest old output is the one a reader saw last, so it is the one put back.
  stale.sort((a, b) => Number(Boolean(b.m[3])) - Number(Boolean(a.m[3])) || Number(b.m[2]) - Number(a.m[2]));
  for (const { name, m } of stale) {
    const path = join(parent, name);
    if (m[3] && !existsSync(target)) {
      try {
        renameSync(path, target);
      } catch {
        rmSync(path, { recursive: true, force: true });
      }
    } else {
      rmSync(path, { recursive: true, force: true });
    }
  }
}
