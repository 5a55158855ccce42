import { Alert, Button, Modal, Progress, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { download, errorMessage, type Query } from '../api/client';
import type { ImportReport as Report } from '../api/contracts';
import { uploadImport } from '../api/upload';
import { useI18n } from '../i18n';
import { useFeedback } from './feedback';
import { FilePicker, type ImportMode, ModeChoice, TemplateLink } from './ImportChoices';
import { ImportReportView } from './ImportReportView';

type Phase = 'idle' | 'uploading' | 'processing' | 'done';

interface Props {
  open: boolean;
  onClose: () => void;
  /** '/people' or '/party-members': the template, import and export live under it. */
  basePath: string;
  /** What is imported, for the title ("人员", "党员"). */
  what: string;
  templateName: string;
  /** Called after a real (not dry-run) import wrote rows. */
  onImported: () => void;
  /** Extra query for the template and the import (e.g. the community and year of a co-building plan). */
  query?: Query;
}

/** One upload at a time: its phase and progress, the server's report or the error, and abort on close. */
function useImportRun(basePath: string, query: Query | undefined, onImported: () => void) {
  const { t } = useI18n();
  const [phase, setPhase] = useState<Phase>('idle');
  const [percent, setPercent] = useState(0);
  const [report, setReport] = useState<{ data: Report; dryRun: boolean; mode: ImportMode } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const abort = useRef<(() => void) | null>(null);
  const busy = phase === 'uploading' || phase === 'processing';
  const clear = () => {
    abort.current?.();
    setPhase('idle');
    setPercent(0);
    setReport(null);
    setError(null);
  };

  const run = async (file: File | null, mode: ImportMode, dryRun: boolean) => {
    if (!file) {
      setError(t('importer.noFile'));
      return;
    }
    setError(null);
    setReport(null);
    setPhase('uploading');
    const job = uploadImport(`${basePath}/import`, file, { ...query, mode, dryRun: String(dryRun) }, (p) => {
      setPercent(p.percent);
      if (p.processing) setPhase('processing');
    });
    abort.current = job.abort;
    try {
      const data = await job.promise;
      setReport({ data, dryRun, mode });
      setPhase('done');
      if (!dryRun && data.committed) onImported();
    } catch (err) {
      if (err instanceof DOMException && err.name === 'AbortError') return;
      setError(errorMessage(err));
      setPhase('idle');
    } finally {
      abort.current = null;
    }
  };
  return { phase, setPhase, percent, report, setReport, error, setError, busy, clear, run };
}

/** Excel import: template, file, mode, a dry-run "检查" and the real "导入", with upload progress and a report. */
export function ImportDialog({ open, onClose, basePath, what, templateName, onImported, query }: Props) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<ImportMode>('partial');
  const { phase, setPhase, percent, report, setReport, error, setError, busy, clear, run } = useImportRun(
    basePath,
    query,
    onImported,
  );

  useEffect(() => {
    if (open) return;
    clear();
    setFile(null);
  }, [open]);

  const template = async () => {
    try {
      await download(`${basePath}/import-template.xlsx`, query, templateName);
    } catch (err) {
      feedback.error(err);
    }
  };

  return (
    <Modal
      open={open}
      title={t('importer.title', { what })}
      onCancel={onClose}
      width={720}
      destroyOnHidden
      mask={{ closable: !busy }}
      footer={
        <Space wrap>
          <Button onClick={onClose}>{t('common.close')}</Button>
          <Button onClick={() => void run(file, mode, true)} disabled={!file || busy} data-testid="import-check">
            {t('importer.check')}
          </Button>
          <Button
            type="primary"
            onClick={() => void run(file, mode, false)}
            disabled={!file || busy}
            data-testid="import-run"
          >
            {t('importer.run')}
          </Button>
        </Space>
      }
    >
      <div data-testid="import-dialog">
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <TemplateLink onTemplate={() => void template()} />
          <FilePicker
            busy={busy}
            file={file}
            onReject={() => setError(t('importer.onlyXlsx'))}
            onPick={(f) => {
              setFile(f);
              setReport(null);
              setError(null);
              setPhase('idle');
            }}
            onRemove={() => {
              setFile(null);
              setReport(null);
              setPhase('idle');
            }}
          />
          <ModeChoice busy={busy} mode={mode} onMode={setMode} />
          {busy && (
            <div data-testid="import-progress">
              <Progress percent={percent} status="active" strokeColor={{ from: '#e0656a', to: '#c8161d' }} />
              <Typography.Text type="secondary">
                {phase === 'processing' ? t('importer.processing') : t('importer.uploading')}
              </Typography.Text>
            </div>
          )}
          {error && <Alert type="error" showIcon title={error} data-testid="import-error" />}
          {report && (
            <ImportReportView
              report={report.data}
              dryRun={report.dryRun}
              allOrNothing={report.mode === 'all_or_nothing'}
            />
          )}
        </Space>
      </div>
    </Modal>
  );
}
