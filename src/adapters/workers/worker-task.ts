// Where a worker pool's task file is, and the Node flags a worker needs to load it, from source (tsx) or compiled.

/** A task module beside this one: its URL, and the exec arguments that let a worker thread load it. */
export interface WorkerTask {
  href: string;
  execArgv: string[];
}

/** The flags that take a module to load before the entry point, as `--flag value` or `--flag=value`. */
const PRELOAD_FLAGS = ['--import', '--loader', '--experimental-loader', '--require', '-r'];

/**
 * Whether these Node flags already load tsx: a preload flag whose value is the tsx package or a file inside it. Only
 * flag values are looked at, so a folder or file that merely has "tsx" in its name (`--cpu-prof-dir=prof-tsx`) does not count.
 * @example loadsTsx(['--import', 'tsx']) // true
 */
export function loadsTsx(execArgv: readonly string[]): boolean {
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i];
    const eq = arg.indexOf('=');
    const flag = eq < 0 ? arg : arg.slice(0, eq);
    if (!PRELOAD_FLAGS.includes(flag)) continue;
    const value = eq < 0 ? (execArgv[++i] ?? '') : arg.slice(eq + 1);
    if (value === 'tsx' || value.startsWith('tsx/') || /[\\/]node_modules[\\/]tsx[\\/]/.test(value)) return true;
  }
  return false;
}

/**
 * Locates the task module `name` (without extension) in this folder. Compiled (this module is .js), workers need no
 * flags; from source (this module is .ts, so some loader runs TypeScript here), workers get tsx's loader too.
 * @example const task = workerTask('ensemble-task'); new Piscina({ filename: task.href, execArgv: task.execArgv });
 */
export function workerTask(name: string): WorkerTask {
  const fromSource = import.meta.url.endsWith('.ts');
  const url = new URL(`./${name}.${fromSource ? 'ts' : 'js'}`, import.meta.url);
  if (!fromSource) return { href: url.href, execArgv: [] };
  const execArgv = loadsTsx(process.execArgv) ? process.execArgv : [...process.execArgv, '--import', import.meta.resolve('tsx')];
  return { href: url.href, execArgv };
}
