/** Reading one uploaded file from a multipart request, with a size limit and clear errors. */
import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.js';

/** Largest accepted upload (organisation and answer imports). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** The bytes of the single uploaded file, or a clear 4xx. */
export async function readUpload(request: FastifyRequest): Promise<Buffer> {
  if (!request.isMultipart()) {
    throw new AppError(400, 'bad_request', {
      da: 'Vælg en fil at uploade.',
      en: 'Choose a file to upload.',
    });
  }
  const file = await request.file({ limits: { fileSize: MAX_UPLOAD_BYTES } });
  if (!file) {
    throw new AppError(400, 'bad_request', { da: 'Ingen fil modtaget.', en: 'No file received.' });
  }
  const bytes = await file.toBuffer();
  if (file.file.truncated) {
    throw new AppError(413, 'payload_too_large', {
      da: `Filen er for stor (højst ${MAX_UPLOAD_BYTES / 1024 / 1024} MB).`,
      en: `The file is too large (at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB).`,
    });
  }
  return bytes;
}
