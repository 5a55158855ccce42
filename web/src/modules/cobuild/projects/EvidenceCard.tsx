import { DeleteOutlined, FileOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Image, List, Popconfirm, Progress, Select, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { uploadFile } from '../../../api/upload';
import { useI18n } from '../../../i18n';
import { useFeedback } from '../../../ui/feedback';
import { type EvidenceView, type ProjectDetail, useProjectWrites } from './api';

/** The photos as thumbnails that open a preview, each with the milestone it backs. */
function EvidencePhotos({
  photos,
  titleOf,
}: {
  photos: EvidenceView[];
  titleOf: (e: EvidenceView) => string | undefined;
}) {
  return (
    <Image.PreviewGroup>
      <Flex wrap gap={8}>
        {photos.map((p) => (
          <div key={p.id} style={{ textAlign: 'center' }}>
            <Image
              src={p.thumbUrl ?? p.url}
              preview={{ src: p.url }}
              width={96}
              height={96}
              style={{ objectFit: 'cover', borderRadius: 6 }}
              alt={p.fileName}
            />
            {titleOf(p) && (
              <div style={{ fontSize: 12, maxWidth: 96 }} className="ellipsis">
                {titleOf(p)}
              </div>
            )}
          </div>
        ))}
      </Flex>
    </Image.PreviewGroup>
  );
}

/** The documents as a list to download, with delete for those who track the project. */
function EvidenceFiles({
  files,
  titleOf,
  track,
  onRemove,
}: {
  files: EvidenceView[];
  titleOf: (e: EvidenceView) => string | undefined;
  track: boolean;
  onRemove: (id: string) => void;
}) {
  const { t } = useI18n();
  if (files.length === 0) return null;
  return (
    <List
      size="small"
      dataSource={files}
      renderItem={(f) => (
        <List.Item
          actions={
            track
              ? [
                  <Popconfirm key="del" title={t('projects.evidenceDeleteConfirm')} onConfirm={() => onRemove(f.id)}>
                    <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                  </Popconfirm>,
                ]
              : undefined
          }
        >
          <Space>
            <FileOutlined />
            <a href={f.url}>{f.fileName}</a>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {Math.ceil(f.bytes / 1024)} KB{titleOf(f) ? ` · ${titleOf(f)}` : ''}
            </Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}

/** Photos and documents backing a project or one of its milestones: thumbnails with preview, files to download. */
export function EvidenceCard({ project }: { project: ProjectDetail }) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const writes = useProjectWrites();
  const [milestoneId, setMilestoneId] = useState<string | undefined>();
  const [percent, setPercent] = useState<number | null>(null);
  const photos = project.evidence.filter((e) => e.kind === 'photo');
  const files = project.evidence.filter((e) => e.kind === 'file');
  const titleOf = (e: EvidenceView) => project.milestones.find((m) => m.id === e.milestoneId)?.title;

  const send = async (file: File) => {
    try {
      const job = uploadFile<EvidenceView>(`/projects/${project.id}/evidence`, file, { milestoneId }, (p) =>
        setPercent(p.percent),
      );
      await job.promise;
      feedback.success(t('projects.uploaded'));
      await writes.invalidate();
    } catch (err) {
      feedback.error(err);
    } finally {
      setPercent(null);
    }
  };
  const remove = async (id: string) => {
    try {
      await writes.deleteEvidence.mutateAsync(id);
    } catch (err) {
      feedback.error(err);
    }
  };

  return (
    <Card size="small" title={t('projects.evidence')} data-testid="evidence-card">
      {project.can.track && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            allowClear
            placeholder={t('projects.forMilestone')}
            value={milestoneId}
            onChange={setMilestoneId}
            style={{ width: 200 }}
            options={project.milestones.map((m) => ({ value: m.id, label: m.title }))}
          />
          <Upload
            showUploadList={false}
            accept="image/*,.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx"
            beforeUpload={(file) => {
              void send(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={percent !== null} data-testid="evidence-upload">
              {t('projects.upload')}
            </Button>
          </Upload>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('projects.uploadHint')}
          </Typography.Text>
        </Space>
      )}
      {percent !== null && <Progress percent={percent} size="small" />}
      {project.evidence.length === 0 && (
        <div>
          <Typography.Text type="secondary">{t('projects.noEvidence')}</Typography.Text>
        </div>
      )}
      <EvidencePhotos photos={photos} titleOf={titleOf} />
      <EvidenceFiles files={files} titleOf={titleOf} track={project.can.track} onRemove={(id) => void remove(id)} />
    </Card>
  );
}
