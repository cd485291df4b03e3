/**
 * The worker thread that parses uploaded files (see `parse-in-worker.ts`), so a slow or
 * hostile file occupies this thread and its capped heap, never the server's event loop.
 */
import { parentPort } from 'node:worker_threads';
import { CsvRejectedError } from '../analysis/errors.js';
import { AppError } from '../kernel/errors.js';
import { readAnswerFile } from './answer-file.js';
import { readTableFile } from './table-file.js';
import type { ParseReply, ParseRequest } from './parse-in-worker.js';

async function parse(request: ParseRequest): Promise<ParseReply> {
  const bytes = Buffer.from(request.bytes.buffer, request.bytes.byteOffset, request.bytes.length);
  try {
    if (request.kind === 'table') return { ok: true, value: await readTableFile(bytes) };
    return { ok: true, value: readAnswerFile(bytes) };
  } catch (error) {
    if (error instanceof AppError) {
      return {
        ok: false,
        appError: {
          statusCode: error.statusCode,
          code: error.code,
          messages: error.messages,
          details: error.details,
        },
      };
    }
    if (error instanceof CsvRejectedError) return { ok: false, csvProblems: [...error.problems] };
    throw error;
  }
}

// One file at a time: the pool in parse-in-worker.ts sends the next only after the reply.
parentPort!.on('message', (request: ParseRequest) => {
  void parse(request).then((reply) => parentPort!.postMessage(reply));
});
