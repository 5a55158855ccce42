import { authorize } from '../../../core/auth/plugin.js';
import { receiveUpload, sendWorkbook } from '../../../core/excel/excel.js';
import type { App } from '../../../core/http/types.js';
import { ZImportMode, ZImportReport } from '../../../core/contracts.js';
import { exportMembers, membersTemplate, ZPartyMemberExportQuery } from './members.excel.js';
import { importMembers } from './members.import.js';
import { clock } from '../../../core/clock.js';

const tags = ['party-members'];

/** Excel template, export and import of Party members; registered by membersRoutes. */
export async function membersExcelRoutes(app: App): Promise<void> {
  app.get('/party-members/import-template.xlsx', { schema: { tags } }, async (req, reply) => {
    const actor = authorize(req, 'members.import');
    return sendWorkbook(req, reply, await membersTemplate({ db: app.db, actor }));
  });

  app.get(
    '/party-members/export.xlsx',
    { schema: { tags, querystring: ZPartyMemberExportQuery } },
    async (req, reply) => {
      const actor = authorize(req, 'members.read');
      return sendWorkbook(req, reply, await exportMembers({ db: app.db, actor, query: req.query, now: clock.now() }));
    },
  );

  app.post(
    '/party-members/import',
    { schema: { tags, querystring: ZImportMode, response: { 200: ZImportReport } } },
    async (req) => {
      const actor = authorize(req, 'members.import');
      const upload = await receiveUpload(req);
      return importMembers({
        db: app.db,
        actor,
        file: upload.buffer,
        fileName: upload.fileName,
        ...req.query,
        locale: req.locale,
      });
    },
  );
}
