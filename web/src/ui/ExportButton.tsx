import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { download, type Query } from '../api/client';
import { useI18n } from '../i18n';
import { useFeedback } from './feedback';

/** Downloads `path` (an .xlsx export) with the list's current filters. */
export function ExportButton({
  path,
  query,
  fileName,
  label,
}: {
  path: string;
  query: Query;
  fileName: string;
  /** The button's text when a page offers several downloads (default: 导出). */
  label?: string;
}) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const [busy, setBusy] = useState(false);
  const onClick = async () => {
    setBusy(true);
    try {
      const { page: _page, pageSize: _size, ...filters } = query;
      await download(path, filters, fileName);
      feedback.success(t('common.exported'));
    } catch (err) {
      feedback.error(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void onClick()} data-testid="export">
      {label ?? t('common.export')}
    </Button>
  );
}
