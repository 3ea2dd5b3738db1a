// Where a worker pool's task file is, and the Node flags a worker needs to load it, from source (tsx) or compiled.

/** A task module beside this one: its URL, and the exec arguments that let a worker thread load it. */
export interface WorkerTask {
  href: string;
  execArgv: string[];
}

/**
 * Locates the task module `name` (without extension) in this folder; from source, workers get tsx's loader too.
 * @example const task = workerTask('ensemble-task'); new Piscina({ filename: task.href, execArgv: task.execArgv });
 */
export function workerTask(name: string): WorkerTask {
  const fromSource = import.meta.url.endsWith('.ts');
  const url = new URL(`./${name}.${fromSource ? 'ts' : 'js'}`, import.meta.url);
  if (!fromSource) return { href: url.href, execArgv: [] };
  const execArgv = process.execArgv.some((a) => a.includes('tsx')) ? process.execArgv : [...process.execArgv, '--import', import.meta.resolve('tsx')];
  return { href: url.href, execArgv };
}
