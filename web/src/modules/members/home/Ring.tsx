/**
 * A progress ring for the phone (no chart library there): `percent` of the circle in red, or amber when behind,
 * with the figure and its unit in the middle. The figure is also the accessible name.
 */
export function Ring({
  percent,
  warn,
  value,
  caption,
  size = 112,
}: {
  percent: number;
  warn: boolean;
  value: string;
  caption: string;
  size?: number;
}) {
  const stroke = 10;
  const r = (size - stroke) / 2;
  const length = 2 * Math.PI * r;
  const done = (Math.max(0, Math.min(100, percent)) / 100) * length;
  return (
    <div className="m-ring" style={{ width: size, height: size }} role="img" aria-label={`${value} ${caption}`}>
      <svg viewBox={`0 0 ${size} ${size}`} width={size} height={size} aria-hidden>
        <circle cx={size / 2} cy={size / 2} r={r} fill="none" stroke="#f3e3e3" strokeWidth={stroke} />
        <circle
          cx={size / 2}
          cy={size / 2}
          r={r}
          fill="none"
          stroke={warn ? '#d46b08' : 'var(--red)'}
          strokeWidth={stroke}
          strokeLinecap="round"
          strokeDasharray={`${done} ${length}`}
          transform={`rotate(-90 ${size / 2} ${size / 2})`}
          data-testid="m-ring-arc"
        />
      </svg>
      <div className="m-ring-label">
        <strong>{value}</strong>
        <span>{caption}</span>
      </div>
    </div>
  );
}
