import { useMemo, useRef } from 'react';
import { useI18n } from '../../i18n';
import { useGridGeoJson } from '../../modules/grid/api';
import { Spinner } from '../parts';
import { boundsOf, labelAt, pathOf, type Point, toXY } from './geometry';
import { useMapView } from './useMapView';

/**
 * A light tap-to-place map (SVG over the grids' GeoJSON, no chart library): tap to put the pin, drag to pan,
 * +/− to zoom. Used full screen from the report page.
 */
export function MapPicker({
  value,
  onPick,
  onClose,
}: {
  value: Point | null;
  onPick: (p: Point) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const geo = useGridGeoJson({ level: [1, 2] });
  const svg = useRef<SVGSVGElement>(null);
  const features = useMemo(
    () => [...(geo.data?.features ?? [])].sort((a, b) => a.properties.level - b.properties.level),
    [geo.data],
  );
  const full = useMemo(() => boundsOf(features), [features]);
  const { box, onDown, onMove, onUp, zoom } = useMapView(svg, full, value, onPick);
  const pin = value ? toXY(value.lng, value.lat) : null;
  const r = box ? Math.min(box.w, box.h) / 60 : 0;

  return (
    <div className="m-sheet" role="dialog" aria-label={t('mobile.mapTitle')} data-testid="m-map">
      <div className="m-sheet-head">
        <button type="button" className="m-link" onClick={onClose}>
          {t('mobile.back')}
        </button>
        <strong>{t('mobile.mapTitle')}</strong>
        <button type="button" className="m-link strong" onClick={onClose} disabled={!value} data-testid="m-map-done">
          {t('mobile.mapDone')}
        </button>
      </div>
      <div className="m-map-box">
        {geo.isLoading ? (
          <Spinner full />
        ) : !box ? (
          <div className="m-muted m-pad">{t('common.loadFailed')}</div>
        ) : (
          <svg
            ref={svg}
            className="m-map-svg"
            viewBox={`${box.x} ${box.y} ${box.w} ${box.h}`}
            preserveAspectRatio="xMidYMid meet"
            onPointerDown={onDown}
            onPointerMove={onMove}
            onPointerUp={onUp}
            data-testid="m-map-svg"
          >
            {features.map((f) => (
              <path
                key={f.properties.id}
                d={pathOf(f)}
                className={`m-map-grid level-${f.properties.level}`}
                vectorEffect="non-scaling-stroke"
              />
            ))}
            {features
              .filter((f) => f.properties.level === 1)
              .map((f) => {
                const at = labelAt(f);
                if (!at) return null;
                const [x, y] = at;
                return (
                  <text
                    key={`l-${f.properties.id}`}
                    x={x}
                    y={y}
                    className="m-map-label"
                    fontSize={r * 1.6}
                    textAnchor="middle"
                  >
                    {f.properties.name}
                  </text>
                );
              })}
            {pin && (
              <g data-testid="m-map-pin">
                <circle cx={pin[0]} cy={pin[1]} r={r * 2.2} className="m-map-pin-halo" />
                <circle cx={pin[0]} cy={pin[1]} r={r * 0.9} className="m-map-pin" />
              </g>
            )}
          </svg>
        )}
        <div className="m-map-zoom">
          <button type="button" onClick={() => zoom(0.5)} aria-label="+">
            +
          </button>
          <button type="button" onClick={() => zoom(2)} aria-label="−">
            −
          </button>
        </div>
      </div>
    </div>
  );
}
