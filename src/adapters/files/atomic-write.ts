// Writes a folder of outputs all at once: into a temporary folder beside the target, then renamed into place.
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/** Files to write, by path relative to the output folder. */
export type FileSet = Record<string, string | Uint8Array>;

/**
 * Writes every file into `dir` atomically: on any failure nothing is left, and an existing `dir` is replaced only when all is written.
 * @example await writeFolderAtomic('runs/a', { 'manifest.json': '{}' });
 */
export async function writeFolderAtomic(dir: string, files: FileSet): Promise<void> {
  const target = resolve(dir);
  const parent = dirname(target);
  await mkdir(parent, { recursive: true });
  const tmp = join(parent, `.${basename(target)}.tmp-${process.pid}-${Date.now()}`);
  try {
    await mkdir(tmp, { recursive: true });
    for (const [name, content] of Object.entries(files)) {
      const path = join(tmp, name);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, content);
    }
    await replaceFolder(tmp, target, `${tmp}-old`);
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
}

/**
 * Puts a finished folder `ready` in the place of `target`: an existing target is first moved aside to `aside`, so the
 * target is never half-written, then removed.
 */
export async function replaceFolder(ready: string, target: string, aside: string): Promise<void> {
  let moved = false;
  try {
    await rename(target, aside);
    moved = true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  await rename(ready, target);
  if (moved) await rm(aside, { recursive: true, force: true });
}

/** Writes one file atomically: a temporary file beside it, then a rename. */
export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  const target = resolve(path);
  await mkdir(dirname(target), { recursive: true });
  const tmp = join(dirname(target), `.${basename(target)}.tmp-${process.pid}-${Date.now()}`);
  try {
    await writeFile(tmp, content);
    await rename(tmp, target);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}
