// The page's handle on the engine worker: one promise per request, replies matched by id.
import type { Reply, Request } from './worker/protocol.js';

/** Sends requests to the engine worker and resolves each with its reply; an error reply rejects. */
export class EngineClient {
  private worker: Worker;
  private next = 1;
  private pending = new Map<number, { resolve: (r: Reply) => void; reject: (e: Error) => void }>();
  private failed: Error | null = null;

  constructor() {
    this.worker = new Worker(new URL('./worker/engine-worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (e: MessageEvent<{ id: number; reply: Reply }>) => {
      const p = this.pending.get(e.data.id);
      if (!p) return;
      this.pending.delete(e.data.id);
      if (e.data.reply.type === 'error') p.reject(new Error(e.data.reply.message));
      else p.resolve(e.data.reply);
    };
    // A worker that cannot load or crashes would otherwise leave every request waiting for good: each fails, with why.
    this.worker.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      this.failed = new Error(`the engine could not run in this browser (${e.message || 'its worker failed to load'})`);
      for (const p of this.pending.values()) p.reject(this.failed);
      this.pending.clear();
    };
  }

  /** Sends one request; the reply type narrows by the request's type. */
  ask<T extends Request['type']>(req: Extract<Request, { type: T }>): Promise<Extract<Reply, { type: T }>> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      if (this.failed) return reject(this.failed);
      this.pending.set(id, { resolve: resolve as (r: Reply) => void, reject });
      this.worker.postMessage({ id, req });
    });
  }
}
