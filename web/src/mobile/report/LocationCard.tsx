import { useState } from 'react';
import { useI18n } from '../../i18n';
import type { Point } from '../map/geometry';
import { Card } from '../parts';

export interface Located extends Point {
  source: 'gps' | 'map';
}

/** The phone's position, asked once per tap; `onLocated` gets it rounded to six decimals (about 0.1 m). */
export function useMyLocation(onLocated: (p: Located) => void) {
  const { t } = useI18n();
  const [locating, setLocating] = useState(false);
  const [locError, setLocError] = useState<string | null>(null);
  const locate = () => {
    if (!('geolocation' in navigator)) {
      setLocError(t('mobile.locationDenied', { message: '—' }));
      return;
    }
    setLocating(true);
    setLocError(null);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        onLocated({
          lng: Number(pos.coords.longitude.toFixed(6)),
          lat: Number(pos.coords.latitude.toFixed(6)),
          source: 'gps',
        });
      },
      (err) => {
        setLocating(false);
        setLocError(t('mobile.locationDenied', { message: err.message || String(err.code) }));
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };
  return { locate, locating, locError, setLocError };
}

interface Props {
  point: Located | null;
  gridName: string | null;
  locating: boolean;
  locError: string | null;
  onLocate: () => void;
  onPickOnMap: () => void;
  address: string;
  onAddress: (address: string) => void;
}

/** Where it is: the phone's position or a point on the map, the grid it falls in, and an address in words. */
export function LocationCard(p: Props) {
  const { t } = useI18n();
  return (
    <Card title={t('mobile.location')}>
      <div className="m-row">
        <button type="button" className="m-btn" onClick={p.onLocate} disabled={p.locating} data-testid="m-locate">
          {p.locating ? t('mobile.locating') : t('mobile.useMyLocation')}
        </button>
        <button type="button" className="m-btn" onClick={p.onPickOnMap} data-testid="m-pick-map">
          {t('mobile.pickOnMap')}
        </button>
      </div>
      {p.point && (
        <div className="m-located" data-testid="m-located">
          <span className="m-chip m-chip-done">{t('mobile.located')}</span>
          <span className="mono">
            {p.point.lng.toFixed(5)}, {p.point.lat.toFixed(5)}
          </span>
          {p.gridName && <div className="m-muted">{t('mobile.gridOf', { name: p.gridName })}</div>}
        </div>
      )}
      {p.locError && <div className="m-error">{p.locError}</div>}
      <label className="m-field">
        <span>{t('mobile.address')}</span>
        <input
          value={p.address}
          maxLength={200}
          onChange={(e) => p.onAddress(e.target.value)}
          placeholder={t('mobile.addressPlaceholder')}
          data-testid="m-address"
        />
      </label>
    </Card>
  );
}
