import { useState } from 'react';
import { useI18n } from '../../i18n';
import { randomKey } from '../../ui/images';
import { Card } from '../parts';
import { MAX_PHOTOS, type PhotoItem, PhotoPicker, startUpload } from '../PhotoPicker';

/** The report's photos: each starts uploading as soon as it is added (at most MAX_PHOTOS); a failed one can retry. */
export function usePhotoUploads() {
  const [photos, setPhotos] = useState<PhotoItem[]>([]);
  const update = (key: string, change: Partial<PhotoItem>) =>
    setPhotos((list) => list.map((p) => (p.key === key ? { ...p, ...change } : p)));
  const add = (files: File[]) => {
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
  const remove = (key: string) => setPhotos((l) => l.filter((p) => p.key !== key));
  const retry = (key: string) => {
    const it = photos.find((p) => p.key === key);
    if (it) startUpload(it, update);
  };
  return { photos, add, remove, retry };
}

export function PhotosCard({ uploads }: { uploads: ReturnType<typeof usePhotoUploads> }) {
  const { t } = useI18n();
  return (
    <Card title={t('mobile.photos', { max: MAX_PHOTOS })}>
      <PhotoPicker items={uploads.photos} onAdd={uploads.add} onRemove={uploads.remove} onRetry={uploads.retry} />
    </Card>
  );
}
