/** Sending a file for download: its type, an attachment name, and no caching of personal data. */
import type { FastifyReply } from 'fastify';

/** A file as services hand it to routes. */
export interface Download {
  contentType: string;
  filename: string;
  body: string | Buffer;
}

/** Sends `file` as an attachment that browsers and proxies must not store. */
export function sendDownload(reply: FastifyReply, file: Download): FastifyReply {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .header('cache-control', 'no-store')
    .send(file.body);
}
