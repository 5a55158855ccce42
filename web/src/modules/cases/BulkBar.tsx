import { CheckOutlined, SwapOutlined } from '@ant-design/icons';
import { Alert, Button, Space } from 'antd';
import { useI18n } from '../../i18n';

/** Over the staff inbox while cases are selected: how many, bulk accept, bulk reassign, clear. */
export function BulkBar({
  count,
  onBulk,
  onClear,
}: {
  count: number;
  onBulk: (kind: 'accept' | 'assign') => void;
  onClear: () => void;
}) {
  const { t } = useI18n();
  return (
    <Alert
      type="info"
      style={{ marginBottom: 8 }}
      data-testid="cases-bulk-bar"
      title={
        <Space wrap>
          <span>{t('cases.selected', { count: count })}</span>
          <Button
            size="small"
            type="primary"
            icon={<CheckOutlined />}
            onClick={() => onBulk('accept')}
            data-testid="bulk-accept"
          >
            {t('cases.bulkAccept')}
          </Button>
          <Button size="small" icon={<SwapOutlined />} onClick={() => onBulk('assign')} data-testid="bulk-assign">
            {t('cases.bulkAssign')}
          </Button>
          <Button size="small" type="link" onClick={onClear}>
            {t('cases.clearSelection')}
          </Button>
        </Space>
      }
    />
  );
}
