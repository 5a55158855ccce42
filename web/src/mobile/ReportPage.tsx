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
  const { t } = useI18n();
  const me = useMeQuery();
  const [description, setDescription] = useState('');
  const [mapOpen, setMapOpen] = useState(false);
  const [address, setAddress] = useState('');
  const choice = useCategoryChoice(description);
  const where = usePlace();
  const similar = useSimilar(where.point, choice.category);
  const matches = (similar.data ?? []).filter((s) => s.id);
  const uploads = usePhotoUploads();
  const photos = uploads.photos;

  const { submit, submitting, error } = useSubmitReport();
  const send = () => {
    const draft = {
      description,
      chosenCategory: choice.chosenCategory,
      point: where.point,
      address,
      photoIds: photos.flatMap((p) => (p.photo ? [p.photo.id] : [])),
      sameAsCaseId: where.sameAs?.id ?? null,
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
        suggestion={choice.suggestion.data}
        classifying={choice.suggestion.isFetching}
        chosenCategory={choice.chosenCategory}
        chosenName={choice.chosenName}
        onChoose={choice.setChosenCategory}
        onOtherCategory={() => choice.setCategorySheet(true)}
      />

      <PhotosCard uploads={uploads} />

      <LocationCard
        point={where.point}
        gridName={where.gridName}
        locating={where.locating}
        locError={where.locError}
        onLocate={where.locate}
        onPickOnMap={() => setMapOpen(true)}
        address={address}
        onAddress={setAddress}
      />

      {matches.length > 0 && !where.similarDismissed && (
        <SimilarCard
          matches={matches}
          sameAs={where.sameAs}
          onSameAs={where.setSameAs}
          onDismiss={() => where.setSimilarDismissed(true)}
        />
      )}

      <SubmitButton error={error} submitting={submitting} onSend={send} />

      {mapOpen && (
        <MapPicker
          value={where.point}
          onPick={(p) => where.place({ ...p, source: 'map' })}
          onClose={() => setMapOpen(false)}
        />
      )}
      {choice.categorySheet && <ChooseCategorySheet choice={choice} />}
    </div>
  );
}

/**
 * The category: the classifier's suggestion for the description (asked half a second after typing stops), unless
 * the resident chose one; the category list is fetched only once they open the sheet or have chosen.
 */
function useCategoryChoice(description: string) {
  const { language } = useI18n();
  const [text, setText] = useState('');
  const [chosenCategory, setChosenCategory] = useState<string | null>(null);
  const [categorySheet, setCategorySheet] = useState(false);

  useEffect(() => {
    const timer = setTimeout(() => setText(description), 500);
    return () => clearTimeout(timer);
  }, [description]);
  const suggestion = useClassify(text);
  const categories = useCategories(categorySheet || !!chosenCategory);
  const category = chosenCategory ?? suggestion.data?.category;

  const chosenName = useMemo(() => {
    if (!chosenCategory) return null;
    const c = categories.data?.find((x) => x.code === chosenCategory);
    return c ? categoryName(c, language) : chosenCategory;
  }, [chosenCategory, categories.data, language]);

  return {
    suggestion,
    categories,
    category,
    chosenCategory,
    setChosenCategory,
    chosenName,
    categorySheet,
    setCategorySheet,
  };
}

/**
 * The place, by the phone's location or on the map: its grid's name, and the resident's answer to the similar cases
 * near it (same as one of them, or dismissed), which a new place starts afresh.
 */
function usePlace() {
  const { t } = useI18n();
  const [point, setPoint] = useState<Located | null>(null);
  const [gridName, setGridName] = useState<string | null>(null);
  const [sameAs, setSameAs] = useState<SimilarCase | null>(null);
  const [similarDismissed, setSimilarDismissed] = useState(false);

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

  return {
    point,
    gridName,
    place,
    locate,
    locating,
    locError,
    sameAs,
    setSameAs,
    similarDismissed,
    setSimilarDismissed,
  };
}

function SubmitButton(p: { error: string | null; submitting: boolean; onSend: () => void }) {
  const { t } = useI18n();
  return (
    <>
      {p.error && (
        <div className="m-card m-error" data-testid="m-submit-error">
          {p.error}
        </div>
      )}
      <button
        type="button"
        className="m-btn m-btn-primary m-btn-block m-submit"
        onClick={p.onSend}
        disabled={p.submitting}
        data-testid="m-submit"
      >
        {p.submitting ? t('mobile.submitting') : t('mobile.submit')}
      </button>
    </>
  );
}

function ChooseCategorySheet({ choice }: { choice: ReturnType<typeof useCategoryChoice> }) {
  return (
    <CategorySheet
      categories={choice.categories.data ?? []}
      current={choice.category}
      onChoose={(code) => {
        choice.setChosenCategory(code);
        choice.setCategorySheet(false);
      }}
      onClose={() => choice.setCategorySheet(false)}
    />
  );
}
