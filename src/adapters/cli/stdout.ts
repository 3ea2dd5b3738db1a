// Standard output for a command's final text, written to the descriptor directly.
import { writeSync } from 'node:fs';

/**
 * Writes `text` to standard output with fs.writeSync: the first use of process.stdout loads Node's streams, about 3 ms
 * of CPU, a noticeable part of a one-shot `schism bargain`. When the descriptor cannot take it now (a non-blocking pipe
 * that is full) the rest goes through process.stdout; a reader that has gone away (EPIPE) is not an error of ours.
 */
export function writeStdout(text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  let done = 0;
  try {
    while (done < bytes.length) done += writeSync(1, bytes, done, bytes.length - done);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EAGAIN') process.stdout.write(bytes.subarray(done));
    else if (code !== 'EPIPE') throw err;
  }
}
