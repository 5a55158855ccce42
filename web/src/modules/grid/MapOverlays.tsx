import type { UseQueryResult } from '@tanstack/react-query';
import { Spin, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { LoadError } from '../../ui/states';

interface Props {
  geo: UseQueryResult<unknown>;
  /** Loaded, but nothing to draw at this level. */
  empty: boolean;
  locating: boolean;
  drilled: boolean;
}

/** What lies over the map: loading, a load error, "no boundaries here", the locate hint and the legend. */
export function MapOverlays({ geo, empty, locating, drilled }: Props) {
  const { t } = useI18n();
  return (
    <>
      {geo.isLoading && (
        <div className="map-overlay">
          <Spin description={t('grid.mapLoading')} />
        </div>
      )}
      {geo.isError && (
        <div className="map-overlay">
          <LoadError error={geo.error} onRetry={() => void geo.refetch()} compact />
        </div>
      )}
      {empty && (
        <div className="map-overlay">
          <Typography.Text type="secondary">{t('grid.noGeometry')}</Typography.Text>
        </div>
      )}
      {locating && (
        <div className="map-legend" style={{ top: 8, bottom: 'auto' }}>
          {t('grid.locateOn')}
        </div>
      )}
      {!drilled && !empty && <div className="map-legend">{t('grid.legend')}</div>}
    </>
  );
}
