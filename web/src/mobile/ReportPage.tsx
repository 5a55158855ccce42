import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiError, errorMessage } from '../api/client';
import type { CreateCase, SimilarCase } from '../api/contracts';
import { useMeQuery } from '../auth/session';
import { labelOf, useI18n } from '../i18n';
import { locateGrid } from '../modules/grid/api';
import { categoryName, caseKeys, createCase, useCategories, useClassify, useSimilar } from '../modules/cases/api';
import { randomKey } from '../ui/images';
import { formatPercent } from '../ui/format';
import { MapPicker, type Point } from './MapPicker';
import { Card } from './parts';
import { MAX_PHOTOS, PhotoPicker, startUpload, type PhotoItem } from './PhotoPicker';
import { useToast } from './Toast';

interface Located extends Point {
  source: 'gps' | 'map';
}

/** 我要反映: describe, photograph, place, and send — once, however often a poor connection makes the resident tap. */
export default function ReportPage() {
  const { t, language } = useI18n();
  const toast = useToast();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const me = useMeQuery();
  const [description, setDescription] = useState('');
  const [text, setText] = useState('');
  const [chosenCategory, setChosenCategory] = useState<string | null>(null);
  const [categorySheet, setCategorySheet] = useState(false);
  const [photos, setPhotos] = useState<PhotoItem[]>([]);
  const [point, setPoint] = useState<Located | null>(null);
  const [gridName, setGridName] = useState<string | null>(null);
  const [locating, setLocating] = useState(false);
  const [locError, setLocError] = useState<string | null>(null);
  const [mapOpen, setMapOpen] = useState(false);
  const [address, setAddress] = useState('');
  const [sameAs, setSameAs] = useState<SimilarCase | null>(null);
  const [similarDismissed, setSimilarDismissed] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // One key per report: a retry after a timeout answers with the case already made, never a second one.
  const idempotencyKey = useRef(randomKey());

  useEffect(() => {
    const timer = setTimeout(() => setText(description), 500);
    return () => clearTimeout(timer);
  }, [description]);
  const suggestion = useClassify(text);
  const categories = useCategories(categorySheet || !!chosenCategory);
  const category = chosenCategory ?? suggestion.data?.category;
  const similar = useSimilar(point, category);
  const matches = (similar.data ?? []).filter((s) => s.id);

  const chosenName = useMemo(() => {
    if (!chosenCategory) return null;
    const c = categories.data?.find((x) => x.code === chosenCategory);
    return c ? categoryName(c, language) : chosenCategory;
  }, [chosenCategory, categories.data, language]);

  const update = (key: string, change: Partial<PhotoItem>) =>
    setPhotos((list) => list.map((p) => (p.key === key ? { ...p, ...change } : p)));
  const addPhotos = (files: File[]) => {
    const items = files.map((file) => ({
      key: randomKey(),
      file,
      preview: URL.createObjectURL(file),
      percent: 0,
      status: 'uploading' as const,
    }));
    setPhotos((list) => [...list, ...items].slice(0, MAX_PHOTOS));
    for (const it of items) startUpload(it, update);
  };

  const place = (p: Located) => {
    setPoint(p);
    setLocError(null);
    setGridName(null);
    setSimilarDismissed(false);
    setSameAs(null);
    locateGrid(p.lng, p.lat).then(
      (r) => setGridName(r.grid.name),
      () => setGridName(t('mobile.outsideGrids')),
    );
  };
  const useMyLocation = () => {
    if (!('geolocation' in navigator)) {
      setLocError(t('mobile.locationDenied', { message: '—' }));
      return;
    }
    setLocating(true);
    setLocError(null);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        place({
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

  const submit = async () => {
    setError(null);
    if (description.trim().length < 2) {
      setError(t('mobile.needDescription'));
      return;
    }
    if (photos.some((p) => p.status === 'uploading')) {
      setError(t('mobile.waitUploads'));
      return;
    }
    const input: CreateCase = {
      channel: 'snap',
      description: description.trim(),
      ...(chosenCategory ? { categoryCode: chosenCategory } : {}),
      ...(point ? { lng: point.lng, lat: point.lat } : {}),
      ...(address.trim() ? { address: address.trim() } : {}),
      ...(photos.some((p) => p.photo) ? { photoIds: photos.flatMap((p) => (p.photo ? [p.photo.id] : [])) } : {}),
      ...(sameAs ? { sameAsCaseId: sameAs.id } : {}),
    };
    setSubmitting(true);
    try {
      const c = await createCase(input, idempotencyKey.current);
      idempotencyKey.current = randomKey();
      toast.show(t('mobile.submitted', { number: c.number }), 'success');
      await qc.invalidateQueries({ queryKey: caseKeys.all });
      navigate(`/cases/${c.id}`);
    } catch (err) {
      // A network failure keeps the key: tapping again cannot make a second case.
      setError(
        err instanceof ApiError && err.status === 0
          ? `${errorMessage(err)}。${t('mobile.retryHint')}`
          : errorMessage(err),
      );
    } finally {
      setSubmitting(false);
    }
  };

  const s = suggestion.data;
  return (
    <div className="m-page" data-testid="m-report">
      <div className="m-hello">
        <strong>{t('mobile.greeting', { name: me.data?.user.displayName ?? '' })}</strong>
        <span>{t('mobile.intro')}</span>
      </div>

      <Card title={t('mobile.description')}>
        <textarea
          className="m-textarea"
          rows={4}
          maxLength={2000}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          placeholder={t('mobile.descriptionPlaceholder')}
          data-testid="m-description"
        />
        <div className="m-suggest" data-testid="m-suggested-category">
          {chosenName ? (
            <span className="m-chip m-chip-work">{chosenName}</span>
          ) : s ? (
            <span className="m-chip m-chip-work">
              {t('mobile.suggestedCategory', { name: s.categoryName })} · {formatPercent(s.confidence, 0)}
            </span>
          ) : suggestion.isFetching ? (
            <span className="m-muted">{t('mobile.classifying')}</span>
          ) : null}
          {(s || chosenName) && (
            <button
              type="button"
              className="m-link"
              onClick={() => setCategorySheet(true)}
              data-testid="m-category-other"
            >
              {t('mobile.otherCategory')}
            </button>
          )}
        </div>
        {s && !chosenCategory && s.alternatives.some((a) => a.confidence >= 0.05) && (
          <div className="m-alt">
            {s.alternatives
              .filter((a) => a.confidence >= 0.05)
              .slice(0, 3)
              .map((a) => (
                <button
                  key={a.category}
                  type="button"
                  className="m-chip m-chip-off"
                  onClick={() => setChosenCategory(a.category)}
                >
                  {a.categoryName}
                </button>
              ))}
          </div>
        )}
      </Card>

      <Card title={t('mobile.photos', { max: MAX_PHOTOS })}>
        <PhotoPicker
          items={photos}
          onAdd={addPhotos}
          onRemove={(key) => setPhotos((l) => l.filter((p) => p.key !== key))}
          onRetry={(key) => {
            const it = photos.find((p) => p.key === key);
            if (it) startUpload(it, update);
          }}
        />
      </Card>

      <Card title={t('mobile.location')}>
        <div className="m-row">
          <button type="button" className="m-btn" onClick={useMyLocation} disabled={locating} data-testid="m-locate">
            {locating ? t('mobile.locating') : t('mobile.useMyLocation')}
          </button>
          <button type="button" className="m-btn" onClick={() => setMapOpen(true)} data-testid="m-pick-map">
            {t('mobile.pickOnMap')}
          </button>
        </div>
        {point && (
          <div className="m-located" data-testid="m-located">
            <span className="m-chip m-chip-done">{t('mobile.located')}</span>
            <span className="mono">
              {point.lng.toFixed(5)}, {point.lat.toFixed(5)}
            </span>
            {gridName && <div className="m-muted">{t('mobile.gridOf', { name: gridName })}</div>}
          </div>
        )}
        {locError && <div className="m-error">{locError}</div>}
        <label className="m-field">
          <span>{t('mobile.address')}</span>
          <input
            value={address}
            maxLength={200}
            onChange={(e) => setAddress(e.target.value)}
            placeholder={t('mobile.addressPlaceholder')}
            data-testid="m-address"
          />
        </label>
      </Card>

      {matches.length > 0 && !similarDismissed && (
        <Card title={t('mobile.similarTitle')} testId="m-similar">
          <p className="m-muted">{t('mobile.similarHint')}</p>
          {matches.slice(0, 3).map((m) => (
            <div key={m.id} className={`m-similar${sameAs?.id === m.id ? ' chosen' : ''}`}>
              <div>
                <div className="m-similar-title">{m.title}</div>
                <div className="m-muted">
                  {m.number} · {labelOf('caseStatus', m.status)} ·{' '}
                  {t('mobile.distance', { m: Math.round(m.distanceM) })}
                </div>
              </div>
              <button
                type="button"
                className="m-btn m-btn-small"
                onClick={() => setSameAs(sameAs?.id === m.id ? null : m)}
                data-testid={`m-same-as-${m.id}`}
              >
                {sameAs?.id === m.id ? '✓' : t('mobile.sameAs')}
              </button>
            </div>
          ))}
          {!sameAs && (
            <button type="button" className="m-link" onClick={() => setSimilarDismissed(true)}>
              {t('mobile.notSame')}
            </button>
          )}
          {sameAs && <div className="m-muted">{t('mobile.sameAsChosen', { number: sameAs.number })}</div>}
        </Card>
      )}

      {error && (
        <div className="m-card m-error" data-testid="m-submit-error">
          {error}
        </div>
      )}
      <button
        type="button"
        className="m-btn m-btn-primary m-btn-block m-submit"
        onClick={() => void submit()}
        disabled={submitting}
        data-testid="m-submit"
      >
        {submitting ? t('mobile.submitting') : t('mobile.submit')}
      </button>

      {mapOpen && (
        <MapPicker value={point} onPick={(p) => place({ ...p, source: 'map' })} onClose={() => setMapOpen(false)} />
      )}
      {categorySheet && (
        <div className="m-sheet" role="dialog">
          <div className="m-sheet-head">
            <button type="button" className="m-link" onClick={() => setCategorySheet(false)}>
              {t('mobile.back')}
            </button>
            <strong>{t('mobile.category')}</strong>
            <span />
          </div>
          <div className="m-sheet-body">
            {(categories.data ?? [])
              .filter((c) => !c.parentCode)
              .map((top) => (
                <div key={top.code} className="m-cat-group">
                  <div className="m-cat-title">{categoryName(top, language)}</div>
                  <div className="m-alt">
                    {(categories.data ?? [])
                      .filter((c) => c.parentCode === top.code)
                      .map((c) => (
                        <button
                          key={c.code}
                          type="button"
                          className={`m-chip ${category === c.code ? 'm-chip-work' : 'm-chip-off'}`}
                          onClick={() => {
                            setChosenCategory(c.code);
                            setCategorySheet(false);
                          }}
                        >
                          {categoryName(c, language)}
                        </button>
                      ))}
                  </div>
                </div>
              ))}
          </div>
        </div>
      )}
    </div>
  );
}
