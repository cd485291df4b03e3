/**
 * Parsing uploads in a worker thread with a capped heap and a time limit, so one file, however
 * large or hostile (a zip bomb, millions of rows), can never stall other requests: the
 * server's event loop only waits for a message. At most `MAX_PARALLEL` files are parsed at
 * once; further uploads wait their turn.
 */
import { Worker } from 'node:worker_threads';
import type { Answer } from '../analysis/answer.js';
import { CsvRejectedError, type CsvProblem } from '../analysis/errors.js';
import { AppError, type ErrorCode, type Message } from '../kernel/errors.js';
import type { CsvTable } from './csv.js';

/** What the worker is asked to parse. */
export interface ParseRequest {
  kind: 'table' | 'answers';
  bytes: Uint8Array;
}

/** What the worker answers: the parsed value or the error, as plain data. */
export type ParseReply =
  | { ok: true; value: CsvTable | Answer[] }
  | {
      ok: false;
      appError: { statusCode: number; code: ErrorCode; messages: Message; details: unknown };
    }
  | { ok: false; csvProblems: CsvProblem[] };

/** Heap of one parse worker; a file that needs more is refused. */
export const WORKER_HEAP_MB = 384;
/** Longest a parse may take. */
export const PARSE_TIMEOUT_MS = 30_000;
const MAX_PARALLEL = 2;

const tooBig = () =>
  new AppError(413, 'payload_too_large', {
    da: 'Filen er for stor eller for kompliceret at læse. Del den op, eller gem den som CSV.',
    en: 'The file is too large or complex to read. Split it, or save it as CSV.',
  });

// Under tsx/vitest this module is TypeScript, and so is the worker beside it.
const typescript = import.meta.url.endsWith('.ts');
const workerUrl = new URL(typescript ? './parse.worker.ts' : './parse.worker.js', import.meta.url);
/** Loads the TypeScript worker through tsx (a development dependency, as is running from src). */
const tsxBootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(workerUrl.href)}); })`;

let running = 0;
const waiting: (() => void)[] = [];
/** Workers that finished a parse cleanly, kept for the next (loading the XLSX reader takes a while). */
const idle: Worker[] = [];

async function slot(): Promise<() => void> {
  if (running >= MAX_PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  return () => {
    running--;
    waiting.shift()?.();
  };
}

function spawn(): Worker {
  const options = {
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: 32 },
  };
  return typescript
    ? new Worker(tsxBootstrap, { ...options, eval: true })
    : new Worker(workerUrl, options);
}

async function parseInWorker(request: ParseRequest): Promise<ParseReply> {
  const release = await slot();
  const worker = idle.pop() ?? spawn();
  // A busy worker keeps the process alive (a CLI import waits for it); an idle one does not.
  worker.ref();
  let clean = false;
  let detach = () => {};
  try {
    return await new Promise<ParseReply>((resolve, reject) => {
      const timer = setTimeout(() => reject(tooBig()), PARSE_TIMEOUT_MS);
      const onMessage = (reply: ParseReply) => {
        clean = true;
        resolve(reply);
      };
      // Out of memory ends the worker with ERR_WORKER_OUT_OF_MEMORY: the file is too big.
      const onError = (error: Error & { code?: string }) =>
        reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooBig() : error);
      const onExit = () => reject(tooBig());
      worker.once('message', onMessage);
      worker.once('error', onError);
      worker.once('exit', onExit);
      detach = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      worker.postMessage(request);
    });
  } finally {
    detach();
    if (clean) {
      worker.unref();
      idle.push(worker);
    } else void worker.terminate();
    release();
  }
}

function unwrap<T>(reply: ParseReply): T {
  if (reply.ok) return reply.value as T;
  if ('csvProblems' in reply) throw new CsvRejectedError(reply.csvProblems);
  const { statusCode, code, messages, details } = reply.appError;
  throw new AppError(statusCode, code, messages, details);
}

/** `readTableFile` in a worker thread: a CSV or XLSX upload as header and rows. */
export async function readTableFileInWorker(bytes: Buffer): Promise<CsvTable> {
  return unwrap<CsvTable>(await parseInWorker({ kind: 'table', bytes }));
}

/** `readAnswerFile` in a worker thread: the answers of a long CSV upload. */
export async function readAnswerFileInWorker(bytes: Buffer): Promise<Answer[]> {
  return unwrap<Answer[]>(await parseInWorker({ kind: 'answers', bytes }));
}
