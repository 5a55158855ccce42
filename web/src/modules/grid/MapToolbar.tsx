import { AimOutlined, ArrowUpOutlined, ReloadOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip } from 'antd';
import { useI18n } from '../../i18n';

interface Props {
  mobile: boolean;
  /** Drilled into a grid: offer "up". */
  drilled: boolean;
  locating: boolean;
  locateBusy: boolean;
  onShowTree: () => void;
  onUp: () => void;
  onToggleLocate: () => void;
  onReset: () => void;
}

/** The map card's buttons: the tree (phone), up a level, "which grid is here?", and back to the start view. */
export function MapToolbar(p: Props) {
  const { t } = useI18n();
  return (
    <Space size={4} wrap className="map-toolbar">
      {p.mobile && (
        <Button size="small" icon={<UnorderedListOutlined />} onClick={p.onShowTree}>
          {t('grid.showTree')}
        </Button>
      )}
      {p.drilled && (
        <Button size="small" icon={<ArrowUpOutlined />} onClick={p.onUp} data-testid="grid-up">
          {p.mobile ? null : t('grid.drillUp')}
        </Button>
      )}
      <Tooltip title={t('grid.locateOn')}>
        <Button
          size="small"
          type={p.locating ? 'primary' : 'default'}
          icon={<AimOutlined />}
          loading={p.locateBusy}
          onClick={p.onToggleLocate}
          data-testid="grid-locate"
          aria-pressed={p.locating}
        >
          {t('grid.locate')}
        </Button>
      </Tooltip>
      <Tooltip title={t('grid.resetView')}>
        <Button size="small" icon={<ReloadOutlined />} onClick={p.onReset} aria-label={t('grid.resetView')} />
      </Tooltip>
    </Space>
  );
}
