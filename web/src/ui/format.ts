import dayjs, { type Dayjs } from 'dayjs';
import i18n, { currentLanguage } from '../i18n';

/** The one place numbers and dates are formatted (STYLE: "numbers and dates through one formatter"). */
export function formatNumber(n: number | null | undefined): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '—';
  return new Intl.NumberFormat(currentLanguage()).format(n);
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = dayjs(iso);
  return d.isValid() ? d.format('YYYY-MM-DD') : iso;
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = dayjs(iso);
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm:ss') : iso;
}

/**
 * "YYYY-MM-DD HH:mm:ss" on the county's clock (Asia/Shanghai: UTC+8, no daylight saving) whatever the device's zone:
 * for server-side events an operator compares with the server's logs (the background jobs page).
 */
export function formatCountyDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return iso;
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * The instant of a date and a time picked on the county's wall clock, for a request: "2027-03-12T09:00:00+08:00"
 * (the pickers' local fields read the county's clock, whatever the device's zone).
 */
export function countyInstant(date: Dayjs, time: Dayjs): string {
  return `${date.format('YYYY-MM-DD')}T${time.format('HH:mm')}:00+08:00`;
}

/** 0.953 → "95.3%" (null: "—"). */
export function formatPercent(rate: number | null | undefined, digits = 1): string {
  if (rate === null || rate === undefined || Number.isNaN(rate)) return '—';
  return new Intl.NumberFormat(currentLanguage(), {
    style: 'percent',
    minimumFractionDigits: 0,
    maximumFractionDigits: digits,
  }).format(rate);
}

/** A span of time for people: "2天3小时", "1 h 20 min", "15分钟". */
export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.floor(Math.abs(ms) / 60_000));
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d > 0) return i18n.t('duration.days', { d, h });
  if (h > 0) return i18n.t('duration.hours', { h, m });
  return i18n.t('duration.minutes', { m });
}

/** "MM-DD HH:mm" for dense tables. */
export function formatShortDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = dayjs(iso);
  return d.isValid() ? d.format('MM-DD HH:mm') : iso;
}

/** Text for an ECharts tooltip, which renders HTML: names come from users. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
