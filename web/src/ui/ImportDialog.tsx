import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Progress, Radio, Space, Typography, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { download, errorMessage, type Query } from '../api/client';
import type { ImportReport as Report } from '../api/contracts';
import { uploadImport } from '../api/upload';
import { useI18n } from '../i18n';
import { useFeedback } from './feedback';
import { ImportReportView } from './ImportReportView';

type Mode = 'partial' | 'all_or_nothing';
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

/** Excel import: template, file, mode, a dry-run "检查" and the real "导入", with upload progress and a report. */
export function ImportDialog({ open, onClose, basePath, what, templateName, onImported, query }: Props) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<Mode>('partial');
  const [phase, setPhase] = useState<Phase>('idle');
  const [percent, setPercent] = useState(0);
  const [report, setReport] = useState<{ data: Report; dryRun: boolean; mode: Mode } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const abort = useRef<(() => void) | null>(null);
  const busy = phase === 'uploading' || phase === 'processing';

  useEffect(() => {
    if (open) return;
    abort.current?.();
    setFile(null);
    setPhase('idle');
    setPercent(0);
    setReport(null);
    setError(null);
  }, [open]);

  const run = async (dryRun: boolean) => {
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
          <Button onClick={() => void run(true)} disabled={!file || busy} data-testid="import-check">
            {t('importer.check')}
          </Button>
          <Button type="primary" onClick={() => void run(false)} disabled={!file || busy} data-testid="import-run">
            {t('importer.run')}
          </Button>
        </Space>
      }
    >
      <div data-testid="import-dialog">
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Space wrap>
            <Typography.Text type="secondary">{t('importer.templateHint')}</Typography.Text>
            <Button
              type="link"
              icon={<DownloadOutlined />}
              onClick={() => void template()}
              data-testid="import-template"
              style={{ padding: 0 }}
            >
              {t('importer.template')}
            </Button>
          </Space>
          <div data-testid="import-file">
            <Upload.Dragger
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              maxCount={1}
              disabled={busy}
              fileList={file ? [{ uid: 'file', name: file.name, size: file.size, status: 'done' }] : []}
              beforeUpload={(f) => {
                if (!f.name.toLowerCase().endsWith('.xlsx')) {
                  setError(t('importer.onlyXlsx'));
                  return Upload.LIST_IGNORE;
                }
                setFile(f);
                setReport(null);
                setError(null);
                setPhase('idle');
                return false;
              }}
              onRemove={() => {
                setFile(null);
                setReport(null);
                setPhase('idle');
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('importer.chooseFile')}</p>
            </Upload.Dragger>
          </div>
          <div>
            <Typography.Text strong>{t('importer.mode')}</Typography.Text>
            <Radio.Group
              value={mode}
              onChange={(e) => setMode(e.target.value as Mode)}
              disabled={busy}
              style={{ display: 'block', marginTop: 6 }}
            >
              <Space orientation="vertical" size={4}>
                <Radio value="partial" data-testid="import-mode-partial">
                  {t('importer.partial')}{' '}
                  <Typography.Text type="secondary">— {t('importer.partialHint')}</Typography.Text>
                </Radio>
                <Radio value="all_or_nothing" data-testid="import-mode-all">
                  {t('importer.allOrNothing')}{' '}
                  <Typography.Text type="secondary">— {t('importer.allOrNothingHint')}</Typography.Text>
                </Radio>
              </Space>
            </Radio.Group>
          </div>
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
