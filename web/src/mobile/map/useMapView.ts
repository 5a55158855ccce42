import { type PointerEvent, type RefObject, useEffect, useRef, useState } from 'react';
import { type Box, type Point, toPoint, toXY } from './geometry';

/**
 * What part of the map is shown and how a finger moves it: a drag (8 px or more) pans, a tap picks the point under
 * it, zoom halves or doubles the view around the pin (or the centre when there is none).
 */
export function useMapView(
  svg: RefObject<SVGSVGElement | null>,
  full: Box | null,
  value: Point | null,
  onPick: (p: Point) => void,
) {
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
    if (p) onPick(toPoint(p));
  };
  const zoom = (factor: number) => {
    if (!box) return;
    const [cx, cy] = value ? toXY(value.lng, value.lat) : [box.x + box.w / 2, box.y + box.h / 2];
    const w = box.w * factor,
      h = box.h * factor;
    setView({ x: cx - w / 2, y: cy - h / 2, w, h });
  };
  return { box, onDown, onMove, onUp, zoom };
}
