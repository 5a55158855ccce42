import { CloseOutlined } from '@ant-design/icons';
import { Button, Card, Drawer, Typography } from 'antd';
import { type ComponentProps, type ReactNode, useEffect, useMemo, useState } from 'react';
import type { GridDetail as GridDetailView } from '../../api/contracts';
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
import { type GridNav, useGridNav, useLocatePoint } from './useGridNav';
import { useMapLayer } from './useMapLayer';

/** Each community's position in the code order, which picks its colour on the map. */
function useCommunityIndex() {
  const communities = useGridList({ level: 1, pageSize: 200, sort: 'code' });
  return useMemo(() => new Map((communities.data?.items ?? []).map((g, i) => [g.communityId, i])), [communities.data]);
}

/** Choosing a grid in the tree or search selects it, then, once it has loaded, shows its children (or its siblings
 * when it has none); then `then` (the phone closes its tree drawer). */
function useChooseGrid(selected: GridDetailView | undefined, go: GridNav, then: () => void) {
  const [autoDrill, setAutoDrill] = useState<string | null>(null);
  useEffect(() => {
    const g = selected;
    if (!autoDrill || !g || g.id !== autoDrill) return;
    go({ in: g.childCount > 0 ? g.id : g.parentId });
    setAutoDrill(null);
  }, [autoDrill, selected, go]);
  return (id: string) => {
    setAutoDrill(id);
    go({ grid: id });
    then();
  };
}

/** On a desktop the detail sits beside the map (which shrinks), so the chosen grid stays in view. */
function DesktopDetail({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="map-detail">
      <Card
        size="small"
        title={title}
        data-testid="grid-detail"
        extra={
          <Button type="text" size="small" icon={<CloseOutlined />} aria-label={t('common.close')} onClick={onClose} />
        }
      >
        {children}
      </Card>
    </div>
  );
}

interface MobilePanelsProps {
  side: ReactNode;
  sideOpen: boolean;
  onCloseSide: () => void;
  detailOpen: boolean;
  detailTitle: string;
  onCloseDetail: () => void;
  children: ReactNode;
}

/** On a phone the tree and the detail are drawers over the map. */
function MobilePanels({
  side,
  sideOpen,
  onCloseSide,
  detailOpen,
  detailTitle,
  onCloseDetail,
  children,
}: MobilePanelsProps) {
  const { t } = useI18n();
  return (
    <>
      <Drawer open={sideOpen} onClose={onCloseSide} placement="left" size="85%" title={t('grid.showTree')}>
        <div style={{ display: 'flex', flexDirection: 'column', gap: 8, height: '100%' }}>{side}</div>
      </Drawer>
      <DetailDrawer open={detailOpen} onClose={onCloseDetail} testId="grid-detail" title={detailTitle}>
        {children}
      </DetailDrawer>
    </>
  );
}

type CanvasProps = Omit<ComponentProps<typeof GridMap>, 'communityIndex' | 'language'> & {
  geo: ComponentProps<typeof MapOverlays>['geo'];
  drilled: boolean;
};

/** The map and what lies over it (loading, nothing here, how to locate). */
function GridMapCanvas({ geo, drilled, ...map }: CanvasProps) {
  const { language } = useI18n();
  const communityIndex = useCommunityIndex();
  const empty = !geo.isLoading && !geo.isError && map.layer.features.length === 0;
  return (
    <div className="map-canvas" data-testid="grid-map">
      <GridMap {...map} communityIndex={communityIndex} language={language} />
      <MapOverlays geo={geo} empty={empty} locating={map.locating} drilled={drilled} />
    </div>
  );
}

/** 网格地图: the grid tree beside a map of the county's grids; drill down, click a grid, locate a point. */
export default function GridMapPage() {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const { selectedId, drillId, go } = useGridNav();
  const [locating, setLocating] = useState(false);
  const [resetKey, setResetKey] = useState(0);
  const [sideOpen, setSideOpen] = useState(false);

  const selected = useGrid(selectedId);
  const { geo, layer, drillGrid } = useMapLayer(drillId);

  const chooseFromList = useChooseGrid(selected.data, go, () => setSideOpen(false));
  const { locate, locateBusy, marker } = useLocatePoint(go);

  const side = <GridTreePanel selectedId={selectedId} selectedPath={selected.data?.path} onSelect={chooseFromList} />;
  const detailTitle = selected.data?.name ?? t('common.detail');
  const detailBody = <SelectedGrid selected={selected} drillId={drillId} go={go} />;

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
                onUp={() => go({ in: drillGrid.data?.parentId ?? null })}
                onToggleLocate={() => setLocating((v) => !v)}
                onReset={() => setResetKey((k) => k + 1)}
              />
            }
          >
            <GridMapCanvas
              layer={layer}
              geo={geo}
              selectedId={selectedId}
              drilled={!!drillId}
              locating={locating}
              marker={marker && marker.layer === layer.key ? marker.point : null}
              resetKey={resetKey}
              compact={mobile}
              onSelect={(id) => go({ grid: id })}
              onOpen={chooseFromList}
              onLocate={(lng, lat) => void locate(lng, lat)}
            />
          </Card>
        </div>
        {!mobile && selectedId && (
          <DesktopDetail title={detailTitle} onClose={() => go({ grid: null })}>
            {detailBody}
          </DesktopDetail>
        )}
      </div>
      {mobile && (
        <MobilePanels
          side={side}
          sideOpen={sideOpen}
          onCloseSide={() => setSideOpen(false)}
          detailOpen={!!selectedId}
          detailTitle={detailTitle}
          onCloseDetail={() => go({ grid: null })}
        >
          {detailBody}
        </MobilePanels>
      )}
    </div>
  );
}
