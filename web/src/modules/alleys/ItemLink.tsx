import { Button, DatePicker, Form, Input, Modal, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { AlleyItemView } from '../../api/contracts';
import { useI18n } from '../../i18n';
import { useFeedback } from '../../ui/feedback';
import { formatDate } from '../../ui/format';
import { type ItemChanges, useAlleyWrites, useTeamOptions } from './api';

interface Props {
  regionId: string;
  item: AlleyItemView;
  mayManage: boolean;
}

/**
 * The item's link: the cleaning company (name, masked phone, contract end) on 有保洁公司, the volunteer team (by name)
 * on 有志愿服务队; recorded by whoever keeps the region's evidence. Other items have none.
 */
export function ItemLink({ regionId, item, mayManage }: Props) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  if (item.item !== 'cleaningCompany' && item.item !== 'volunteerTeam') return null;
  const company = item.company;
  const line =
    item.item === 'cleaningCompany'
      ? company
        ? [
            t('alleys.companyLine', { name: company.name }),
            company.phone ? t('alleys.companyPhoneLine', { phone: company.phone }) : null,
            company.contractUntil ? t('alleys.contractLine', { date: formatDate(company.contractUntil) }) : null,
          ]
            .filter(Boolean)
            .join(' · ')
        : t('alleys.noCompany')
      : item.volunteerTeam
        ? t('alleys.teamLine', { name: item.volunteerTeam.name })
        : t('alleys.noTeam');
  return (
    <div style={{ marginTop: 4 }} data-testid={`alley-link-${item.item}`}>
      <Space size={8} wrap>
        <Typography.Text type={company || item.volunteerTeam ? undefined : 'secondary'}>{line}</Typography.Text>
        {mayManage ? (
          <Button size="small" onClick={() => setEditing(true)} data-testid={`alley-link-edit-${item.item}`}>
            {t('alleys.editLink')}
          </Button>
        ) : null}
      </Space>
      {editing ? <LinkModal regionId={regionId} item={item} onClose={() => setEditing(false)} /> : null}
    </div>
  );
}

interface LinkForm {
  companyName?: string;
  companyPhone?: string;
  contractUntil?: Dayjs | null;
  volunteerTeamId?: string | null;
}

function LinkModal({ regionId, item, onClose }: { regionId: string; item: AlleyItemView; onClose: () => void }) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const { updateItem } = useAlleyWrites();
  const [form] = Form.useForm<LinkForm>();
  const isCompany = item.item === 'cleaningCompany';
  const teams = useTeamOptions(regionId, !isCompany);
  const save = async () => {
    const v = await form.validateFields();
    const changes: ItemChanges = isCompany
      ? {
          companyName: v.companyName?.trim() || null,
          ...(v.companyPhone?.trim() ? { companyPhone: v.companyPhone.trim() } : {}),
          contractUntil: v.contractUntil ? v.contractUntil.format('YYYY-MM-DD') : null,
        }
      : { volunteerTeamId: v.volunteerTeamId ?? null };
    try {
      await updateItem.mutateAsync({ id: regionId, item: item.item, version: item.version, ...changes });
      feedback.success(t('alleys.saved'));
      onClose();
    } catch (err) {
      feedback.error(err);
    }
  };
  return (
    <Modal
      open
      title={t(`sixHave.${item.item}`)}
      okText={t('alleys.save')}
      cancelText={t('alleys.cancel')}
      confirmLoading={updateItem.isPending}
      onOk={() => void save()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<LinkForm>
        form={form}
        layout="vertical"
        initialValues={{
          companyName: item.company?.name,
          contractUntil: item.company?.contractUntil ? dayjs(item.company.contractUntil) : null,
          volunteerTeamId: item.volunteerTeam?.id ?? null,
        }}
      >
        {isCompany ? (
          <>
            <Form.Item name="companyName" label={t('alleys.companyName')}>
              <Input maxLength={100} data-testid="alley-company-name" />
            </Form.Item>
            <Form.Item
              name="companyPhone"
              label={t('alleys.companyPhone')}
              extra={item.company?.phone ? t('alleys.phoneKeep', { phone: item.company.phone }) : undefined}
            >
              <Input maxLength={20} inputMode="tel" data-testid="alley-company-phone" />
            </Form.Item>
            <Form.Item name="contractUntil" label={t('alleys.contractUntil')}>
              <DatePicker style={{ width: '100%' }} data-testid="alley-company-until" />
            </Form.Item>
          </>
        ) : (
          <Form.Item name="volunteerTeamId" label={t('alleys.pickTeam')}>
            <Select
              allowClear
              loading={teams.isPending}
              notFoundContent={t('alleys.noTeamOptions')}
              options={(teams.data ?? (item.volunteerTeam ? [item.volunteerTeam] : [])).map((x) => ({
                value: x.id,
                label: x.name,
              }))}
              data-testid="alley-team-select"
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
