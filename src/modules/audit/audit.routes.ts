import { authorize } from '../../core/auth/plugin.js';
import type { App } from '../../core/http/types.js';
import { ZAuditList, ZAuditQuery } from './audit.contracts.js';
import { listAudit } from './audit.service.js';

export async function auditRoutes(app: App): Promise<void> {
  app.get(
    '/audit',
    { schema: { tags: ['audit'], querystring: ZAuditQuery, response: { 200: ZAuditList } } },
    async (req) => {
      authorize(req, 'audit.read');
      return listAudit({ db: app.db, query: req.query });
    },
  );
}
