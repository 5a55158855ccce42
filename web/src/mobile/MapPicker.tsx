import { useEffect, useMemo, useRef, useState, type PointerEvent } from 'react';
import type { GridFeature } from '../api/contracts';
import { useI18n } from '../i18n';
import { useGridGeoJson } from '../modules/grid/api';
import { Spinner } from './parts';

export interface Point {
  lng: number;
  lat: number;
}

/** Guangze lies near 27.5° N: x = lng·cos(27.5°), y = −lat keeps the grids' real shape. */
const K = Math.cos((27.5 * Math.PI) / 180);
const toXY = (lng: number, lat: number): [number, number] => [lng * K, -lat];

type Ring = number[][];
function ringsOf(geometry: unknown): Ring[] {
  const g = geometry as { type?: string; coordinates?: unknown } | null;
  if (!g?.coordinates) return [];
  if (g.type === 'Polygon') return g.coordinates as Ring[];
  if (g.type === 'MultiPolygon') return (g.coordinates as Ring[][]).flat();
  return [];
}

function pathOf(f: GridFeature): string {
  return ringsOf(f.geometry)
    .map(
      (ring) =>
        ring
          .map(([lng, lat], i) => {
            const [x, y] = toXY(lng, lat);
            return `${i ? 'L' : 'M'}${x.toFixed(6)} ${y.toFixed(6)}`;
          })
          .join('') + 'Z',
    )
    .join('');
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

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
  const full = useMemo<Box | null>(() => {
    let minX = Infinity,
      minY = Infinity,
      maxX = -Infinity,
      maxY = -Infinity;
    for (const f of features)
      for (const ring of ringsOf(f.geometry))
        for (const [lng, lat] of ring) {
          const [x, y] = toXY(lng, lat);
          minX = Math.min(minX, x);
          maxX = Math.max(maxX, x);
          minY = Math.min(minY, y);
          maxY = Math.max(maxY, y);
        }
    if (!Number.isFinite(minX)) return null;
    const padX = (maxX - minX) * 0.04,
      padY = (maxY - minY) * 0.04;
    return { x: minX - padX, y: minY - padY, w: maxX - minX + 2 * padX, h: maxY - minY + 2 * padY };
  }, [features]);
  const [view, setView] = useState<Box | null>(null);
  // Opened with a point already chosen: start close to it rather than on the whole county.
  const start = useRef(value);
  useEffect(() => {
    if (!full || !start.current) return;
    const [cx, cy] = toXY(start.current.lng, start.current.lat);
    setView({ x: cx - full.w / 8, y: cy - full.h / 8, w: full.w / 4, h: full.h / 4 });
    start.current = null;
  }, [full]);
  const box = view ?? full;
  const drag = useRef<{ x: number; y: number; moved: boolean; box: Box } | null>(null);

  const toMap = (clientX: number, clientY: number): [number, number] | null => {
    const el = svg.current;
    const m = el?.getScreenCTM();
    if (!el || !m) return null;
    const p = new DOMPoint(clientX, clientY).matrixTransform(m.inverse());
    return [p.x, p.y];
  };
  const onDown = (e: PointerEvent<SVGSVGElement>) => {
    if (!box) return;
    drag.current = { x: e.clientX, y: e.clientY, moved: false, box };
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const onMove = (e: PointerEvent<SVGSVGElement>) => {
    const d = drag.current;
    const el = svg.current;
    if (!d || !el) return;
    const dx = e.clientX - d.x,
      dy = e.clientY - d.y;
    if (!d.moved && Math.hypot(dx, dy) < 8) return;
    d.moved = true;
    const rect = el.getBoundingClientRect();
    const scale = Math.max(d.box.w / rect.width, d.box.h / rect.height);
    setView({ ...d.box, x: d.box.x - dx * scale, y: d.box.y - dy * scale });
  };
  const onUp = (e: PointerEvent<SVGSVGElement>) => {
    const d = drag.current;
    drag.current = null;
    if (!d || d.moved) return;
    const p = toMap(e.clientX, e.clientY);
    if (p) onPick({ lng: Number((p[0] / K).toFixed(6)), lat: Number((-p[1]).toFixed(6)) });
  };
  const zoom = (factor: number) => {
    if (!box) return;
    const [cx, cy] = value ? toXY(value.lng, value.lat) : [box.x + box.w / 2, box.y + box.h / 2];
    const w = box.w * factor,
      h = box.h * factor;
    setView({ x: cx - w / 2, y: cy - h / 2, w, h });
  };
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
                const ring = ringsOf(f.geometry)[0] ?? [];
                if (!ring.length) return null;
                const [sx, sy] = ring.reduce(([ax, ay], [lng, lat]) => [ax + lng, ay + lat], [0, 0]);
                const [x, y] = toXY(sx / ring.length, sy / ring.length);
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
