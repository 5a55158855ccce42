import { PlusOutlined } from '@ant-design/icons';
import { Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/client';
import type { UploadedPhoto } from '../../api/contracts';
import { uploadFile } from '../../api/upload';
import { useI18n } from '../../i18n';
import { useFeedback } from '../../ui/feedback';
import { jpegName, shrinkImage } from '../../ui/images';

interface Props {
  /** Ids of the uploaded photos, in order. */
  onChange: (ids: string[]) => void;
  max?: number;
  testId?: string;
}

/** Photo cards: each picture is shrunk and uploaded to /api/cases/photos at once, with progress. */
export function PhotoUploader({ onChange, max = 9, testId }: Props) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const [files, setFiles] = useState<(UploadFile & { photoId?: string })[]>([]);
  const publish = (list: (UploadFile & { photoId?: string })[]) => {
    setFiles(list);
    onChange(list.filter((f) => f.status === 'done' && f.photoId).map((f) => f.photoId as string));
  };
  return (
    <div data-testid={testId}>
      <Upload
        listType="picture-card"
        accept="image/*"
        multiple
        fileList={files}
        onRemove={(f) => publish(files.filter((x) => x.uid !== f.uid))}
        onChange={({ fileList }) =>
          setFiles((prev) => fileList.map((f) => ({ ...prev.find((p) => p.uid === f.uid), ...f })))
        }
        customRequest={({ file, onProgress, onSuccess, onError }) => {
          const raw = file as File & { uid: string };
          void (async () => {
            const blob = await shrinkImage(raw);
            const job = uploadFile<UploadedPhoto>(
              '/cases/photos',
              blob,
              undefined,
              (p) => onProgress?.({ percent: p.percent }),
              jpegName(raw),
            );
            try {
              const photo = await job.promise;
              onSuccess?.(photo);
              setFiles((prev) => {
                const next = prev.map((f) =>
                  f.uid === raw.uid
                    ? { ...f, status: 'done' as const, photoId: photo.id, thumbUrl: photo.thumbUrl, url: photo.url }
                    : f,
                );
                onChange(next.filter((f) => f.status === 'done' && f.photoId).map((f) => f.photoId as string));
                return next;
              });
            } catch (err) {
              feedback.error(new Error(t('cases.uploadFailed', { message: errorMessage(err) })));
              onError?.(err as Error);
            }
          })();
        }}
      >
        {files.length < max && (
          <button type="button" style={{ border: 0, background: 'none', cursor: 'pointer' }}>
            <PlusOutlined />
            <div style={{ marginTop: 8 }}>{t('cases.uploadPhoto')}</div>
          </button>
        )}
      </Upload>
    </div>
  );
}
