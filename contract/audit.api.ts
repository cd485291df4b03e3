/**
 * HTTP operations (method, path, summary, request and success schemas) that
 * `src/audit/audit.routes.ts` binds handlers to; OpenAPI is made from them.
 */
import { operations } from './operation.js';
import { auditList, auditQuery } from './audit.schema.js';

export const auditApi = operations({
  listAudit: {
    method: 'GET',
    path: '/api/audit',
    summary: 'The newest audit log entries of the municipality',
    querystring: auditQuery,
    response: { 200: auditList },
  },
});
