import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Button, Radio, Space, Typography, Upload } from 'antd';
import { useI18n } from '../i18n';

// What an import asks before it runs, one element each so the dialog's vertical Space spaces them.

export type ImportMode = 'partial' | 'all_or_nothing';

/** The template to fill in. */
export function TemplateLink({ onTemplate }: { onTemplate: () => void }) {
  const { t } = useI18n();
  return (
    <Space wrap>
      <Typography.Text type="secondary">{t('importer.templateHint')}</Typography.Text>
      <Button
        type="link"
        icon={<DownloadOutlined />}
        onClick={onTemplate}
        data-testid="import-template"
        style={{ padding: 0 }}
      >
        {t('importer.template')}
      </Button>
    </Space>
  );
}

/** The one .xlsx file to import. */
export function FilePicker({
  busy,
  file,
  onReject,
  onPick,
  onRemove,
}: {
  busy: boolean;
  file: File | null;
  /** A file that is not .xlsx was dropped: it is not kept. */
  onReject: () => void;
  onPick: (file: File) => void;
  onRemove: () => void;
}) {
  const { t } = useI18n();
  return (
    <div data-testid="import-file">
      <Upload.Dragger
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        maxCount={1}
        disabled={busy}
        fileList={file ? [{ uid: 'file', name: file.name, size: file.size, status: 'done' }] : []}
        beforeUpload={(f) => {
          if (!f.name.toLowerCase().endsWith('.xlsx')) {
            onReject();
            return Upload.LIST_IGNORE;
          }
          onPick(f);
          return false;
        }}
        onRemove={onRemove}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('importer.chooseFile')}</p>
      </Upload.Dragger>
    </div>
  );
}

/** Partial (the good rows) or all-or-nothing. */
export function ModeChoice({
  busy,
  mode,
  onMode,
}: {
  busy: boolean;
  mode: ImportMode;
  onMode: (mode: ImportMode) => void;
}) {
  const { t } = useI18n();
  return (
    <div>
      <Typography.Text strong>{t('importer.mode')}</Typography.Text>
      <Radio.Group
        value={mode}
        onChange={(e) => onMode(e.target.value as ImportMode)}
        disabled={busy}
        style={{ display: 'block', marginTop: 6 }}
      >
        <Space orientation="vertical" size={4}>
          <Radio value="partial" data-testid="import-mode-partial">
            {t('importer.partial')} <Typography.Text type="secondary">— {t('importer.partialHint')}</Typography.Text>
          </Radio>
          <Radio value="all_or_nothing" data-testid="import-mode-all">
            {t('importer.allOrNothing')}{' '}
            <Typography.Text type="secondary">— {t('importer.allOrNothingHint')}</Typography.Text>
          </Radio>
        </Space>
      </Radio.Group>
    </div>
  );
}
