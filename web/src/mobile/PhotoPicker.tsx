import { useEffect, useRef } from 'react';
import type { UploadedPhoto } from '../api/contracts';
import { uploadFile } from '../api/upload';
import { useI18n } from '../i18n';
import { jpegName, shrinkImage } from '../ui/images';

export interface PhotoItem {
  key: string;
  file: File;
  preview: string;
  percent: number;
  status: 'uploading' | 'done' | 'error';
  photo?: UploadedPhoto;
}

export const MAX_PHOTOS = 9;

/** Starts (or restarts) the upload of one photo; progress and the result go through `update`. */
export function startUpload(item: PhotoItem, update: (key: string, change: Partial<PhotoItem>) => void): void {
  update(item.key, { status: 'uploading', percent: 0 });
  void (async () => {
    const blob = await shrinkImage(item.file);
    const job = uploadFile<UploadedPhoto>(
      '/cases/photos',
      blob,
      undefined,
      (p) => update(item.key, { percent: p.percent }),
      jpegName(item.file),
    );
    try {
      const photo = await job.promise;
      update(item.key, { status: 'done', percent: 100, photo });
    } catch {
      update(item.key, { status: 'error' });
    }
  })();
}

/**
 * Up to nine photos from the camera or album: each is shrunk on the phone and uploaded at once with its own
 * progress; a failed one is retried with a tap.
 */
export function PhotoPicker({
  items,
  onAdd,
  onRemove,
  onRetry,
}: {
  items: PhotoItem[];
  onAdd: (files: File[]) => void;
  onRemove: (key: string) => void;
  onRetry: (key: string) => void;
}) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const previews = useRef(new Set<string>());
  useEffect(() => {
    for (const it of items) previews.current.add(it.preview);
  }, [items]);
  useEffect(
    () => () => {
      for (const url of previews.current) URL.revokeObjectURL(url);
    },
    [],
  );

  return (
    <div className="m-photos" data-testid="m-photos">
      {items.map((it) => (
        <div key={it.key} className={`m-photo ${it.status}`} data-testid="m-photo" data-status={it.status}>
          <img src={it.preview} alt="" />
          {it.status === 'uploading' && (
            <div className="m-photo-progress">
              <span style={{ width: `${it.percent}%` }} />
              <em>{t('mobile.uploading', { percent: it.percent })}</em>
            </div>
          )}
          {it.status === 'error' && (
            <button type="button" className="m-photo-retry" onClick={() => onRetry(it.key)}>
              {t('mobile.uploadFailed')}
            </button>
          )}
          <button
            type="button"
            className="m-photo-remove"
            aria-label={t('mobile.removePhoto')}
            onClick={() => onRemove(it.key)}
          >
            ×
          </button>
        </div>
      ))}
      {items.length < MAX_PHOTOS && (
        <button type="button" className="m-photo-add" onClick={() => input.current?.click()} data-testid="m-photo-add">
          <span className="m-photo-plus">+</span>
          <span>{t('mobile.addPhoto')}</span>
        </button>
      )}
      <input
        ref={input}
        type="file"
        accept="image/*"
        capture="environment"
        multiple
        hidden
        data-testid="m-photo-input"
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []).slice(0, MAX_PHOTOS - items.length);
          e.target.value = '';
          if (files.length) onAdd(files);
        }}
      />
    </div>
  );
}
