import { Button, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useI18n } from '../../i18n';
import { LoadError, Loading } from '../../ui/states';
import { locateGrid, useGridGeoJson } from '../grid/api';
import { GridMap } from '../grid/GridMap';
import type { MapLayer } from '../grid/mapStyle';

export interface PickedPoint {
  lng: number;
  lat: number;
}

interface Props {
  value: PickedPoint | null;
  onChange: (p: PickedPoint | null) => void;
}

/** Click the county's grid map to place a case; the grid under the point is shown, as the server will route it. */
export function LocationPicker({ value, onChange }: Props) {
  const { t, language } = useI18n();
  const geo = useGridGeoJson({ level: [1, 2] });
  const [gridName, setGridName] = useState<string | null>(null);
  const layer = useMemo<MapLayer>(
    () => ({ key: 'county', frame: null, features: geo.data?.features ?? [] }),
    [geo.data],
  );
  const communityIndex = useMemo(() => {
    const ids = [...new Set((geo.data?.features ?? []).map((f) => f.properties.communityId))];
    return new Map(ids.map((id, i) => [id, i]));
  }, [geo.data]);

  const pick = (lng: number, lat: number) => {
    onChange({ lng, lat });
    setGridName(null);
    locateGrid(lng, lat).then(
      (r) => setGridName(r.grid.name),
      () => setGridName(t('mobile.outsideGrids')),
    );
  };

  return (
    <div data-testid="case-location-picker">
      <div
        style={{
          position: 'relative',
          height: 300,
          border: '1px solid #eee',
          borderRadius: 6,
          overflow: 'hidden',
          background: '#faf8f6',
        }}
      >
        {geo.isLoading ? (
          <Loading minHeight={300} />
        ) : geo.isError ? (
          <LoadError error={geo.error} compact />
        ) : (
          <GridMap
            layer={layer}
            selectedId={null}
            communityIndex={communityIndex}
            locating
            marker={value ? [value.lng, value.lat] : null}
            resetKey={0}
            language={language}
            compact
            onSelect={() => undefined}
            onOpen={() => undefined}
            onLocate={pick}
          />
        )}
      </div>
      <Space wrap style={{ marginTop: 6 }}>
        {value ? (
          <>
            <Typography.Text data-testid="case-picked-point">
              {t('cases.pickedPoint', { lng: value.lng.toFixed(5), lat: value.lat.toFixed(5) })}
            </Typography.Text>
            {gridName && (
              <Typography.Text type="secondary">{t('cases.pickedGrid', { name: gridName })}</Typography.Text>
            )}
            <Button
              size="small"
              type="link"
              onClick={() => {
                onChange(null);
                setGridName(null);
              }}
            >
              {t('cases.clearPoint')}
            </Button>
          </>
        ) : (
          <Typography.Text type="secondary">{t('cases.pickOnMapHint')}</Typography.Text>
        )}
      </Space>
    </div>
  );
}
