import { CameraOutlined } from '@ant-design/icons';
import { Button, Image, Space, Upload } from 'antd';
import type { AlleyItemView } from '../../api/contracts';
import { useI18n } from '../../i18n';
import { useFeedback } from '../../ui/feedback';
import { useAlleyWrites } from './api';

/** An item's evidence photos as thumbnails (opened full size), and an upload for whoever keeps the evidence. */
export function ItemPhotos({
  regionId,
  item,
  mayManage,
}: {
  regionId: string;
  item: AlleyItemView;
  mayManage: boolean;
}) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const { addPhoto } = useAlleyWrites();
  const send = async (file: File) => {
    try {
      await addPhoto.mutateAsync({ id: regionId, item: item.item, file });
      feedback.success(t('alleys.photoAdded'));
    } catch (err) {
      feedback.error(err);
    }
  };
  if (!item.photos.length && !mayManage) return null;
  return (
    <Space size={6} wrap style={{ marginTop: 6 }}>
      <Image.PreviewGroup>
        {item.photos.map((p) => (
          <Image
            key={p.id}
            src={p.thumbUrl}
            preview={{ src: p.url }}
            width={64}
            height={48}
            style={{ objectFit: 'cover', borderRadius: 4 }}
            alt={t('alleys.photo')}
          />
        ))}
      </Image.PreviewGroup>
      {mayManage ? (
        <Upload
          accept="image/jpeg,image/png,image/webp"
          showUploadList={false}
          beforeUpload={(file) => {
            void send(file);
            return false;
          }}
        >
          <Button
            size="small"
            icon={<CameraOutlined />}
            loading={addPhoto.isPending}
            data-testid={`alley-photo-${item.item}`}
          >
            {t('alleys.addPhoto')}
          </Button>
        </Upload>
      ) : null}
    </Space>
  );
}
