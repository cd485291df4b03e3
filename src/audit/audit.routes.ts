/** HTTP for reading the audit log (admins only). */
import { type AuditEntry } from '../../contract/audit.schema.js';
import { requirePermission } from '../kernel/request-context.js';
import { listAudit } from './audit.repository.js';
import { userPlugin, type DbOptions } from '../kernel/route.js';
import { auditApi } from '../../contract/audit.api.js';

export const auditRoutes = userPlugin(['audit'], ({ route }, { db }: DbOptions) => {
  route(auditApi.listAudit, async (user, { query }) => {
    requirePermission(user, 'audit.read');
    const rows = await listAudit(db, user.municipalityId, query.limit);
    return rows.map((r): AuditEntry => ({
      id: String(r.id),
      at: r.at.toISOString(),
      user: r.user_name,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      citizenId: r.citizen_id,
      reason: r.reason,
      detail: r.detail,
    }));
  });
});
