import { AimOutlined, ArrowUpOutlined, CloseOutlined, ReloadOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Breadcrumb, Button, Card, Drawer, Space, Spin, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import type { GridDetail as GridDetailView, GridFeature } from '../../api/contracts';
import { useI18n } from '../../i18n';
import { DetailDrawer } from '../../ui/DetailDrawer';
import { useFeedback } from '../../ui/feedback';
import { LoadError, Loading } from '../../ui/states';
import { useIsMobile } from '../../ui/useIsMobile';
import { gridKeys, locateGrid, useGrid, useGridGeoJson, useGridList } from './api';
import { GridDetail } from './GridDetail';
import { GridMap } from './GridMap';
import { GridTreePanel } from './GridTreePanel';
import type { MapLayer } from './mapStyle';

function frameOf(g: GridDetailView | undefined): GridFeature | null {
  if (!g || !g.boundary) return null;
  return {
    type: 'Feature',
    id: g.id,
    geometry: g.boundary,
    properties: {
      id: g.id,
      code: g.code,
      name: g.name,
      level: g.level,
      kind: g.kind,
      parentId: g.parentId,
      communityId: g.communityId,
    },
  };
}

/** 网格地图: the grid tree beside a map of the county's grids; drill down, click a grid, locate a point. */
export default function GridMapPage() {
  const { t, language } = useI18n();
  const mobile = useIsMobile();
  const feedback = useFeedback();
  const qc = useQueryClient();
  const [sp, setSp] = useSearchParams();
  const selectedId = sp.get('grid');
  const drillId = sp.get('in');
  const [autoDrill, setAutoDrill] = useState<string | null>(null);
  const [locating, setLocating] = useState(false);
  const [locateBusy, setLocateBusy] = useState(false);
  const [marker, setMarker] = useState<{ layer: string; point: [number, number] } | null>(null);
  const [resetKey, setResetKey] = useState(0);
  const [sideOpen, setSideOpen] = useState(false);

  const go = useCallback(
    (changes: { grid?: string | null; in?: string | null }) => {
      setSp((prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v === undefined) continue;
          if (v === null) next.delete(k);
          else next.set(k, v);
        }
        return next;
      });
    },
    [setSp],
  );

  const communities = useGridList({ level: 1, pageSize: 200, sort: 'code' });
  const communityIndex = useMemo(
    () => new Map((communities.data?.items ?? []).map((g, i) => [g.communityId, i])),
    [communities.data],
  );
  const countyGeo = useGridGeoJson({ level: [1, 2] }, !drillId);
  const drillGeo = useGridGeoJson({ parentId: drillId ?? undefined }, !!drillId);
  const drillGrid = useGrid(drillId);
  const selected = useGrid(selectedId);

  const geo = drillId ? drillGeo : countyGeo;
  const layer = useMemo<MapLayer>(
    () => ({
      key: drillId ?? 'county',
      frame: drillId ? frameOf(drillGrid.data) : null,
      features: drillId ? (drillGeo.data?.features ?? []) : (countyGeo.data?.features ?? []),
    }),
    [drillId, drillGrid.data, drillGeo.data, countyGeo.data],
  );

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

  const onLocate = async (lng: number, lat: number) => {
    setLocateBusy(true);
    try {
      const { grid } = await locateGrid(lng, lat);
      const detail = await qc.fetchQuery({
        queryKey: gridKeys.detail(grid.id),
        queryFn: () => api.get<GridDetailView>(`/grids/${grid.id}`),
      });
      setMarker({ layer: detail.parentId ?? 'county', point: [lng, lat] });
      go({ grid: grid.id, in: detail.parentId });
      feedback.success(t('grid.locateResult', { name: grid.name, code: grid.code }));
    } catch (err) {
      feedback.error(err);
    } finally {
      setLocateBusy(false);
    }
  };

  const up = () => go({ in: drillGrid.data?.parentId ?? null });
  const crumbs = [
    { key: 'county', title: drillId ? <a onClick={() => go({ in: null })}>{t('grid.county')}</a> : t('grid.county') },
    ...(drillGrid.data?.path ?? []).map((p) => ({
      key: p.id,
      title: <a onClick={() => go({ in: p.id })}>{p.name}</a>,
    })),
    ...(drillId && drillGrid.data ? [{ key: drillGrid.data.id, title: drillGrid.data.name }] : []),
  ];

  const side = <GridTreePanel selectedId={selectedId} selectedPath={selected.data?.path} onSelect={chooseFromList} />;
  const detailTitle = selected.data?.name ?? t('common.detail');
  const detailBody = selected.isLoading ? (
    <Loading />
  ) : selected.isError || !selected.data ? (
    <LoadError error={selected.error} onRetry={() => void selected.refetch()} compact />
  ) : (
    <GridDetail
      grid={selected.data}
      drilled={selected.data.id === drillId}
      onSelect={(id) => go({ grid: id })}
      onDrill={(id) => go({ in: id })}
    />
  );
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
            title={<Breadcrumb items={crumbs} />}
            extra={
              <Space size={4} wrap className="map-toolbar">
                {mobile && (
                  <Button size="small" icon={<UnorderedListOutlined />} onClick={() => setSideOpen(true)}>
                    {t('grid.showTree')}
                  </Button>
                )}
                {drillId && (
                  <Button size="small" icon={<ArrowUpOutlined />} onClick={up} data-testid="grid-up">
                    {mobile ? null : t('grid.drillUp')}
                  </Button>
                )}
                <Tooltip title={t('grid.locateOn')}>
                  <Button
                    size="small"
                    type={locating ? 'primary' : 'default'}
                    icon={<AimOutlined />}
                    loading={locateBusy}
                    onClick={() => setLocating((v) => !v)}
                    data-testid="grid-locate"
                    aria-pressed={locating}
                  >
                    {t('grid.locate')}
                  </Button>
                </Tooltip>
                <Tooltip title={t('grid.resetView')}>
                  <Button
                    size="small"
                    icon={<ReloadOutlined />}
                    onClick={() => setResetKey((k) => k + 1)}
                    aria-label={t('grid.resetView')}
                  />
                </Tooltip>
              </Space>
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
                onLocate={(lng, lat) => void onLocate(lng, lat)}
              />
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
              {!drillId && !empty && <div className="map-legend">{t('grid.legend')}</div>}
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
