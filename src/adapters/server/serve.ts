// Starts the HTTP server: loads the shipped scenarios, starts the compute pool, listens, and stops cleanly.
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp, type AppOptions } from './app.js';
import { loadCatalogue, type Catalogue } from './catalogue.js';
import { ComputePool } from './compute-pool.js';
import { DEFAULT_LIMITS, type ServerLimits } from './limits.js';

/** Where and how to serve. */
export interface ServeOptions {
  /** The project root: scenarios/ and dist/web/ are found under it. */
  root: string;
  port: number;
  host: string;
  limits?: Partial<ServerLimits>;
  /** Compute workers; default: the machine's cores, at least 2 and at most 4. */
  workers?: number;
  /** Host names to answer to besides IP addresses, localhost and `host` itself (the Host allow-list). */
  allowedHosts?: readonly string[];
  /** A fit's parameters every run starts from (serve --params). */
  parameters?: AppOptions['parameters'];
}

/** A running server. */
export interface RunningServer {
  url: string;
  catalogue: Catalogue;
  webBuilt: boolean;
  close(): Promise<void>;
}

/** Listens on host:port (port 0 picks a free one) and resolves once the server accepts connections. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const catalogue = await loadCatalogue(options.root);
  const pool = new ComputePool(options.workers ?? Math.min(4, Math.max(2, availableParallelism())), limits.queueLength);
  pool.warm();
  const webRoot = join(options.root, 'dist', 'web');
  const allowedHosts = [...(options.allowedHosts ?? []), options.host];
  const { app } = createApp({ catalogue, pool, limits, webRoot, allowedHosts, parameters: options.parameters });
  let server: ReturnType<typeof serve>;
  try {
    server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
      // Node's own timeouts are the backstop to the body deadline of bodyReader: checked every second, not every 30 s.
      const serverOptions = { connectionsCheckingInterval: 1_000, headersTimeout: 10_000, requestTimeout: limits.bodyMs + 5_000 };
      const s = serve({ fetch: app.fetch, port: options.port, hostname: options.host, serverOptions }, () => resolve(s));
      s.once('error', reject);
    });
  } catch (err) {
    // Nothing is served: end the workers too, so that the process can exit with the error.
    await pool.close();
    throw err;
  }
  // Past this many open connections new ones are closed at once: a flood cannot grow sockets and buffers without bound.
  (server as unknown as { maxConnections: number }).maxConnections = limits.connections;
  const { address, port } = server.address() as AddressInfo;
  const url = `http://${address.includes(':') ? `[${address}]` : address}:${port}/`;
  return {
    url,
    catalogue,
    webBuilt: existsSync(join(webRoot, 'index.html')),
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.close();
    },
  };
}
