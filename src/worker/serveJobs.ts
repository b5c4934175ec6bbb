// What both worker threads (training, sweep) do around their jobs: start the backend
// once and say so, take 'cancel' messages for running jobs, and report a job's failure
// as a message rather than an uncaught error.

import type { MessagePort } from 'node:worker_threads';
import { useBackend } from '../core/engine/backend';
import type { BackendChoice } from '../core/engine/backendChoice';
import type { BackendName } from '../core/run/result';

type Job = { type: string; job: number };

export interface JobServer<M extends Job> {
  port: MessagePort;
  backend: BackendChoice;
  wasmDir: string;
  ready(backend: BackendName): void;
  error(job: number | null, message: string): void;
  run(msg: Exclude<M, { type: 'cancel' }>, signal: AbortSignal, backend: BackendName): Promise<void>;
}

export function serveJobs<M extends Job>(server: JobServer<M>): void {
  const jobs = new Map<number, AbortController>();
  const ready = useBackend(server.backend, server.wasmDir).then(
    (backend) => {
      server.ready(backend);
      return backend;
    },
    (e: Error) => {
      server.error(null, e.message);
      throw e;
    },
  );
  ready.catch(() => undefined);
  server.port.on('message', (msg: M) => {
    if (msg.type === 'cancel') {
      jobs.get(msg.job)?.abort();
      return;
    }
    const controller = new AbortController();
    jobs.set(msg.job, controller);
    void (async () => {
      try {
        await server.run(msg as Exclude<M, { type: 'cancel' }>, controller.signal, await ready);
      } catch (e) {
        server.error(msg.job, (e as Error).message);
      } finally {
        jobs.delete(msg.job);
      }
    })();
  });
}
