import { DeleteOutlined, FilePdfOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, Upload } from 'antd';
import { type AlleyItemView, DOCUMENT_ITEMS, type DocumentItem } from '../../api/contracts';
import { useI18n } from '../../i18n';
import { useFeedback } from '../../ui/feedback';
import { useAlleyWrites } from './api';

const isDocumentItem = (item: string): item is DocumentItem => (DOCUMENT_ITEMS as readonly string[]).includes(item);

/**
 * The PDFs kept as an item's evidence (the guideline, the residents' pact): each opens (downloads) the file; whoever
 * keeps the evidence uploads more and deletes one after a confirmation. Other items take no documents.
 */
export function ItemDocuments({
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
  const { addDocument, removeDocument } = useAlleyWrites();
  const key = item.item;
  if (!isDocumentItem(key) || (!item.documents.length && !mayManage)) return null;
  const send = async (file: File) => {
    try {
      await addDocument.mutateAsync({ id: regionId, item: key, file });
      feedback.success(t('alleys.documentAdded'));
    } catch (err) {
      feedback.error(err);
    }
  };
  const remove = async (docId: string) => {
    try {
      await removeDocument.mutateAsync(docId);
      feedback.success(t('alleys.documentRemoved'));
    } catch (err) {
      feedback.error(err);
    }
  };
  return (
    <Space size={[8, 4]} wrap style={{ marginTop: 6 }} data-testid={`alley-docs-${key}`}>
      {item.documents.map((d) => (
        <Space key={d.id} size={2} style={{ maxWidth: '100%' }}>
          <a href={d.url} title={d.fileName} style={{ wordBreak: 'break-all' }}>
            <FilePdfOutlined /> {d.title}
          </a>
          {mayManage ? (
            <Popconfirm
              title={t('alleys.removeDocumentConfirm', { title: d.title })}
              okText={t('alleys.removeDocument')}
              cancelText={t('alleys.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => remove(d.id)}
            >
              <Button
                size="small"
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('alleys.removeDocument')}
                data-testid={`alley-doc-remove-${d.id}`}
              />
            </Popconfirm>
          ) : null}
        </Space>
      ))}
      {mayManage ? (
        <Upload
          accept="application/pdf,.pdf"
          showUploadList={false}
          beforeUpload={(file) => {
            void send(file);
            return false;
          }}
        >
          <Button
            size="small"
            icon={<UploadOutlined />}
            loading={addDocument.isPending}
            data-testid={`alley-doc-${key}`}
          >
            {t('alleys.addDocument')}
          </Button>
        </Upload>
      ) : null}
    </Space>
  );
}
