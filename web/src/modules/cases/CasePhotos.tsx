import { Image, Space, Typography } from 'antd';
import type { CaseDetail } from '../../api/contracts';
import { useI18n } from '../../i18n';

/** Thumbnails that open the full photo, browsable as one group. */
export function CasePhotos({ photos, testId }: { photos: CaseDetail['photos']; testId: string }) {
  const { t } = useI18n();
  if (!photos.length) return <Typography.Text type="secondary">{t('cases.noPhotos')}</Typography.Text>;
  return (
    <Image.PreviewGroup>
      <Space wrap size={8} data-testid={testId}>
        {photos.map((p) => (
          <Image
            key={p.id}
            src={p.thumbUrl}
            preview={{ src: p.url }}
            width={96}
            height={96}
            style={{ objectFit: 'cover', borderRadius: 6 }}
            alt={t('cases.photoPreview')}
          />
        ))}
      </Space>
    </Image.PreviewGroup>
  );
}
