import { Space, Spin, Tag, TreeSelect, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n';
import { formatPercent } from '../../ui/format';
import { useCategoryTree, useClassify } from './api';

interface Props {
  /** The description typed so far; the suggestion follows it (debounced). */
  description: string;
  value?: string;
  onChange?: (code: string | undefined) => void;
  testId?: string;
}

/**
 * The category with a live suggestion from POST /api/cases/classify: pre-selected until the user picks one
 * themselves, with its confidence and the alternatives as one-click chips.
 */
export function CategoryPicker({ description, value, onChange, testId }: Props) {
  const { t } = useI18n();
  const categories = useCategoryTree(true);
  const [text, setText] = useState(description);
  useEffect(() => {
    const timer = setTimeout(() => setText(description), 400);
    return () => clearTimeout(timer);
  }, [description]);
  const suggestion = useClassify(text);
  const touched = useRef(false);
  const s = suggestion.data;
  // Alternatives worth offering: a few, and not the ones the model all but ruled out.
  const alternatives = (s?.alternatives ?? []).filter((a) => a.confidence >= 0.05).slice(0, 3);

  useEffect(() => {
    if (s && !touched.current && s.category !== value) onChange?.(s.category);
  }, [s, value, onChange]);

  const choose = (code: string | undefined) => {
    touched.current = true;
    onChange?.(code);
  };

  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
      <TreeSelect<string>
        data-testid={testId}
        value={value}
        onChange={choose}
        treeData={categories.tree}
        showSearch
        allowClear
        treeNodeFilterProp="title"
        placeholder={t('common.selectPlaceholder')}
        loading={categories.isLoading}
        treeDefaultExpandAll={false}
        style={{ width: '100%' }}
      />
      <div data-testid="case-suggestion" style={{ minHeight: 22 }}>
        {suggestion.isFetching && !s ? (
          <Space size={6}>
            <Spin size="small" />
            <Typography.Text type="secondary">{t('cases.classifying')}</Typography.Text>
          </Space>
        ) : s ? (
          <Space size={4} wrap>
            <Typography.Text type="secondary">{t('cases.suggestedCategory')}:</Typography.Text>
            <Tag
              color={value === s.category ? 'red' : 'default'}
              style={{ cursor: 'pointer' }}
              onClick={() => choose(s.category)}
              data-testid="case-suggested-category"
            >
              {s.categoryName} · {t('cases.confidence', { value: formatPercent(s.confidence, 0) })}
            </Tag>
            {alternatives.length > 0 && <Typography.Text type="secondary">{t('cases.alternatives')}:</Typography.Text>}
            {alternatives.map((a) => (
              <Tag
                key={a.category}
                color={value === a.category ? 'red' : undefined}
                style={{ cursor: 'pointer' }}
                onClick={() => choose(a.category)}
              >
                {a.categoryName} {formatPercent(a.confidence, 0)}
              </Tag>
            ))}
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('cases.classifyHint')}</Typography.Text>
        )}
      </div>
    </Space>
  );
}
