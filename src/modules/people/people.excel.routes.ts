import { authorize } from '../../core/auth/plugin.js';
import { receiveUpload, sendWorkbook } from '../../core/excel/excel.js';
import type { App } from '../../core/http/types.js';
import { ZImportMode, ZImportReport } from '../../core/contracts.js';
import { exportPeople, peopleTemplate, ZPersonExportQuery } from './people.excel.js';
import { importPeople } from './people.import.js';
import { clock } from '../../core/clock.js';

const tags = ['people'];

/** Excel template, export and import of people; registered by peopleRoutes. */
export async function peopleExcelRoutes(app: App): Promise<void> {
  app.get('/people/import-template.xlsx', { schema: { tags } }, async (req, reply) => {
    const actor = authorize(req, 'people.import');
    return sendWorkbook(req, reply, await peopleTemplate({ db: app.db, actor }));
  });

  app.get('/people/export.xlsx', { schema: { tags, querystring: ZPersonExportQuery } }, async (req, reply) => {
    const actor = authorize(req, 'people.read');
    return sendWorkbook(req, reply, await exportPeople({ db: app.db, actor, query: req.query, now: clock.now() }));
  });

  app.post(
    '/people/import',
    { schema: { tags, querystring: ZImportMode, response: { 200: ZImportReport } } },
    async (req) => {
      const actor = authorize(req, 'people.import');
      const upload = await receiveUpload(req);
      return importPeople({
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
