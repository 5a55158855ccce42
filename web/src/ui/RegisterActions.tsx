import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button } from 'antd';
import { useState } from 'react';
import type { Query } from '../api/client';
import { useI18n } from '../i18n';
import { ExportButton } from './ExportButton';
import { ImportDialog } from './LazyImportDialog';

interface Props {
  /** Shown when given: the create button and its data-testid. */
  create?: { onClick: () => void; testId: string };
  /** Shown when given: the Excel import (template, upload, report) of `basePath`. */
  importer?: { basePath: string; what: string; templateName: string; invalidates: readonly unknown[] };
  /** The Excel export of the list as filtered. */
  exporter: { path: string; fileName: string; query: Query };
}

/** Create, import and export: the buttons above a register (people, party members). */
export function RegisterActions({ create, importer, exporter }: Props) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [importing, setImporting] = useState(false);
  return (
    <>
      {create && (
        <Button type="primary" icon={<PlusOutlined />} onClick={create.onClick} data-testid={create.testId}>
          {t('common.create')}
        </Button>
      )}
      {importer && (
        <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="import-open">
          {t('common.import')}
        </Button>
      )}
      <ExportButton path={exporter.path} query={exporter.query} fileName={exporter.fileName} />
      {importer && (
        <ImportDialog
          open={importing}
          onClose={() => setImporting(false)}
          basePath={importer.basePath}
          what={importer.what}
          templateName={importer.templateName}
          onImported={() => void qc.invalidateQueries({ queryKey: importer.invalidates })}
        />
      )}
    </>
  );
}
