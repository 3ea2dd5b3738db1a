// `schism serve`: serves the web app and the HTTP API on loopback (or --host), with the reference scenario loaded.
import type { Command } from 'commander';
import { packageRoot } from '../../files/package-root.js';
import { readFitParameters } from '../../files/read-fit-parameters.js';
import { startServer } from '../../server/serve.js';
import { integerOption, UsageError } from '../exit.js';

interface ServeFlags {
  port?: string;
  host?: string;
  allowHost: string[];
  params?: string;
}

/** Registers the serve command. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the web app and the HTTP API (port from --port or PORT, default 8080; host 127.0.0.1 unless --host or HOST)')
    .option('--port <n>', 'port to listen on (0 picks a free one)')
    .option('--host <address>', 'address to listen on')
    .option('--allow-host <name>', 'a host name the server answers to besides IP addresses, localhost and --host (repeatable; also SCHISM_ALLOWED_HOSTS, comma-separated); other Host headers get 403', (v: string, all: string[]) => [...all, v], [])
    .option('--params <dir|file>', 'start every run of the API from a fit\'s parameters: a `schism fit` output folder or its fit.json')
    .action(async (flags: ServeFlags) => {
      const parameters = flags.params === undefined ? undefined : await readFitParameters(flags.params);
      const portName = flags.port !== undefined ? '--port' : 'PORT';
      const port = integerOption(portName, flags.port ?? process.env.PORT ?? '8080');
      if (port > 65535) throw new UsageError(`${portName} takes 0 to 65535, not ${port}`);
      const host = flags.host ?? process.env.HOST ?? '127.0.0.1';
      let server;
      try {
        const allowedHosts = [...flags.allowHost, ...(process.env.SCHISM_ALLOWED_HOSTS ?? '').split(',').map((h) => h.trim()).filter(Boolean)];
        server = await startServer({ root: packageRoot(), port, host, allowedHosts, parameters });
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'EADDRINUSE') throw new UsageError(`port ${port} on ${host} is in use; pick another with --port or PORT`);
        if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new UsageError(`cannot listen on ${host}: no such local address`);
        throw err;
      }
      const { catalogue } = server;
      const reference = catalogue.scenarios.find((s) => s.name === catalogue.reference);
      if (catalogue.fallback) process.stdout.write(`schism: note: ${catalogue.fallback}\n`);
      if (reference && !reference.valid) process.stdout.write(`schism: warning: ${reference.file} does not validate; run \`schism validate ${reference.file}\`\n`);
      if (!server.webBuilt) process.stdout.write('schism: the web app is not built (npm run build:web); serving the API and a notice page\n');
      process.stdout.write(`schism: serving ${reference?.title ?? catalogue.reference} (${reference?.file}) at ${server.url}\n`);
      const stop = () => {
        process.stdout.write('schism: stopping\n');
        void server.close().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
