import { useEffect, useMemo, useState } from 'react';
import type { SimilarCase } from '../api/contracts';
import { useMeQuery } from '../auth/session';
import { useI18n } from '../i18n';
import { locateGrid } from '../modules/grid/api';
import { categoryName, useCategories, useClassify, useSimilar } from '../modules/cases/api';
import { MapPicker } from './map/MapPicker';
import { CategorySheet } from './report/CategorySheet';
import { DescriptionCard } from './report/DescriptionCard';
import { type Located, LocationCard, useMyLocation } from './report/LocationCard';
import { PhotosCard, usePhotoUploads } from './report/PhotosCard';
import { SimilarCard } from './report/SimilarCard';
import { useSubmitReport } from './report/useSubmitReport';

/** 我要反映: describe, photograph, place, and send — once, however often a poor connection makes the resident tap. */
export default function ReportPage() {
  const { t, language } = useI18n();
  const me = useMeQuery();
  const [description, setDescription] = useState('');
  const [text, setText] = useState('');
  const [chosenCategory, setChosenCategory] = useState<string | null>(null);
  const [categorySheet, setCategorySheet] = useState(false);
  const [point, setPoint] = useState<Located | null>(null);
  const [gridName, setGridName] = useState<string | null>(null);
  const [mapOpen, setMapOpen] = useState(false);
  const [address, setAddress] = useState('');
  const [sameAs, setSameAs] = useState<SimilarCase | null>(null);
  const [similarDismissed, setSimilarDismissed] = useState(false);

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

  const uploads = usePhotoUploads();
  const photos = uploads.photos;

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
  const { locate, locating, locError, setLocError } = useMyLocation(place);

  const { submit, submitting, error } = useSubmitReport();
  const send = () => {
    const draft = {
      description,
      chosenCategory,
      point,
      address,
      photoIds: photos.flatMap((p) => (p.photo ? [p.photo.id] : [])),
      sameAsCaseId: sameAs?.id ?? null,
    };
    void submit(
      draft,
      photos.some((p) => p.status === 'uploading'),
    );
  };

  return (
    <div className="m-page" data-testid="m-report">
      <div className="m-hello">
        <strong>{t('mobile.greeting', { name: me.data?.user.displayName ?? '' })}</strong>
        <span>{t('mobile.intro')}</span>
      </div>

      <DescriptionCard
        description={description}
        onChange={setDescription}
        suggestion={suggestion.data}
        classifying={suggestion.isFetching}
        chosenCategory={chosenCategory}
        chosenName={chosenName}
        onChoose={setChosenCategory}
        onOtherCategory={() => setCategorySheet(true)}
      />

      <PhotosCard uploads={uploads} />

      <LocationCard
        point={point}
        gridName={gridName}
        locating={locating}
        locError={locError}
        onLocate={locate}
        onPickOnMap={() => setMapOpen(true)}
        address={address}
        onAddress={setAddress}
      />

      {matches.length > 0 && !similarDismissed && (
        <SimilarCard
          matches={matches}
          sameAs={sameAs}
          onSameAs={setSameAs}
          onDismiss={() => setSimilarDismissed(true)}
        />
      )}

      {error && (
        <div className="m-card m-error" data-testid="m-submit-error">
          {error}
        </div>
      )}
      <button
        type="button"
        className="m-btn m-btn-primary m-btn-block m-submit"
        onClick={send}
        disabled={submitting}
        data-testid="m-submit"
      >
        {submitting ? t('mobile.submitting') : t('mobile.submit')}
      </button>

      {mapOpen && (
        <MapPicker value={point} onPick={(p) => place({ ...p, source: 'map' })} onClose={() => setMapOpen(false)} />
      )}
      {categorySheet && (
        <CategorySheet
          categories={categories.data ?? []}
          current={category}
          onChoose={(code) => {
            setChosenCategory(code);
            setCategorySheet(false);
          }}
          onClose={() => setCategorySheet(false)}
        />
      )}
    </div>
  );
}
