/** A real HTTP listener on loopback standing in for an SMS gateway, collecting what it receives. */
import { createServer } from 'node:http';

export interface ReceivedSms {
  authorization: string | undefined;
  body: { to: string; text: string; reference: string };
}

export interface SmsGateway {
  url: string;
  received: ReceivedSms[];
  /** Answer the next `n` messages with 503. */
  failNext: (n: number) => void;
  close: () => Promise<void>;
}

export async function startSmsGateway(): Promise<SmsGateway> {
  const received: ReceivedSms[] = [];
  let failures = 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (failures > 0) {
        failures--;
        response.writeHead(503).end('busy');
        return;
      }
      received.push({
        authorization: request.headers.authorization,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as ReceivedSms['body'],
      });
      response.writeHead(202, { 'content-type': 'application/json' }).end('{"queued":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    url: `http://127.0.0.1:${address.port}/send`,
    received,
    failNext: (n) => {
      failures = n;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
