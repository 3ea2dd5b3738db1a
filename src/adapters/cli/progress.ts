// A progress bar on stderr (cli-progress), shown only when stderr is a terminal and --quiet is not given.
import { SingleBar, Presets } from 'cli-progress';

/** Reports progress; a no-op when the bar is off. */
export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

/** A bar titled `title`, or a silent stand-in when `quiet` or stderr is not a TTY. */
export function progressBar(title: string, quiet: boolean, unit = 'runs'): Progress {
  if (quiet || !process.stderr.isTTY) return { update() {}, stop() {} };
  const bar = new SingleBar({ stream: process.stderr, format: `${title} [{bar}] {percentage}% | {value}/{total} ${unit} | eta {eta_formatted}`, hideCursor: true, etaBuffer: 50 }, Presets.shades_classic);
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, done);
        started = true;
      } else bar.update(done);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
