import { CloseOutlined } from '@ant-design/icons';
import { Button, Card, Drawer, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useI18n } from '../../i18n';
import { DetailDrawer } from '../../ui/DetailDrawer';
import { useIsMobile } from '../../ui/useIsMobile';
import { useGrid, useGridList } from './api';
import { GridCrumbs } from './GridCrumbs';
import { GridMap } from './GridMap';
import { GridTreePanel } from './GridTreePanel';
import { MapOverlays } from './MapOverlays';
import { MapToolbar } from './MapToolbar';
import { SelectedGrid } from './SelectedGrid';
import { useGridNav, useLocatePoint } from './useGridNav';
import { useMapLayer } from './useMapLayer';

/** 网格地图: the grid tree beside a map of the county's grids; drill down, click a grid, locate a point. */
export default function GridMapPage() {
  const { t, language } = useI18n();
  const mobile = useIsMobile();
  const { selectedId, drillId, go } = useGridNav();
  const [autoDrill, setAutoDrill] = useState<string | null>(null);
  const [locating, setLocating] = useState(false);
  const [resetKey, setResetKey] = useState(0);
  const [sideOpen, setSideOpen] = useState(false);

  const communities = useGridList({ level: 1, pageSize: 200, sort: 'code' });
  const communityIndex = useMemo(
    () => new Map((communities.data?.items ?? []).map((g, i) => [g.communityId, i])),
    [communities.data],
  );
  const selected = useGrid(selectedId);
  const { geo, layer, drillGrid } = useMapLayer(drillId);

  // A grid chosen in the tree or search: show its children, or its siblings when it has none.
  useEffect(() => {
    const g = selected.data;
    if (!autoDrill || !g || g.id !== autoDrill) return;
    go({ in: g.childCount > 0 ? g.id : g.parentId });
    setAutoDrill(null);
  }, [autoDrill, selected.data, go]);

  const chooseFromList = (id: string) => {
    setAutoDrill(id);
    go({ grid: id });
    setSideOpen(false);
  };

  const { locate, locateBusy, marker } = useLocatePoint(go);

  const up = () => go({ in: drillGrid.data?.parentId ?? null });

  const side = <GridTreePanel selectedId={selectedId} selectedPath={selected.data?.path} onSelect={chooseFromList} />;
  const detailTitle = selected.data?.name ?? t('common.detail');
  const detailBody = <SelectedGrid selected={selected} drillId={drillId} go={go} />;
  const empty = !geo.isLoading && !geo.isError && layer.features.length === 0;

  return (
    <div className="page">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('grid.title')}
      </Typography.Title>
      <div className="map-layout">
        {!mobile && (
          <div className="map-side">
            <Card size="small">{side}</Card>
          </div>
        )}
        <div className="map-main">
          <Card
            size="small"
            title={<GridCrumbs drillId={drillId} drillGrid={drillGrid} go={go} />}
            extra={
              <MapToolbar
                mobile={mobile}
                drilled={!!drillId}
                locating={locating}
                locateBusy={locateBusy}
                onShowTree={() => setSideOpen(true)}
                onUp={up}
                onToggleLocate={() => setLocating((v) => !v)}
                onReset={() => setResetKey((k) => k + 1)}
              />
            }
          >
            <div className="map-canvas" data-testid="grid-map">
              <GridMap
                layer={layer}
                selectedId={selectedId}
                communityIndex={communityIndex}
                locating={locating}
                marker={marker && marker.layer === layer.key ? marker.point : null}
                resetKey={resetKey}
                language={language}
                compact={mobile}
                onSelect={(id) => go({ grid: id })}
                onOpen={chooseFromList}
                onLocate={(lng, lat) => void locate(lng, lat)}
              />
              <MapOverlays geo={geo} empty={empty} locating={locating} drilled={!!drillId} />
            </div>
          </Card>
        </div>
        {!mobile && selectedId && (
          // On a desktop the detail sits beside the map (which shrinks), so the chosen grid stays in view.
          <div className="map-detail">
            <Card
              size="small"
              title={detailTitle}
              data-testid="grid-detail"
              extra={
                <Button
                  type="text"
                  size="small"
                  icon={<CloseOutlined />}
                  aria-label={t('common.close')}
                  onClick={() => go({ grid: null })}
                />
              }
            >
              {detailBody}
            </Card>
          </div>
        )}
      </div>
      {mobile && (
        <Drawer
          open={sideOpen}
          onClose={() => setSideOpen(false)}
          placement="left"
          size="85%"
          title={t('grid.showTree')}
        >
          <div style={{ display: 'flex', flexDirection: 'column', gap: 8, height: '100%' }}>{side}</div>
        </Drawer>
      )}
      {mobile && (
        <DetailDrawer open={!!selectedId} onClose={() => go({ grid: null })} testId="grid-detail" title={detailTitle}>
          {detailBody}
        </DetailDrawer>
      )}
    </div>
  );
}
