import { FilterOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Flex, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useI18n } from '../i18n';
import { useIsMobile } from './useIsMobile';

interface Props {
  title: ReactNode;
  /** Buttons on the right of the title: create, import, export. */
  actions?: ReactNode;
  /** Filter controls; on a phone they fold behind a "筛选" button. */
  filters?: ReactNode;
  activeFilters?: number;
  /** Render the children as they are instead of inside a card (split layouts). */
  plain?: boolean;
  children: ReactNode;
}

/** Title + actions, a filter bar, then the list: the frame of every list page. */
export function ListPage({ title, actions, filters, activeFilters = 0, plain = false, children }: Props) {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const [showFilters, setShowFilters] = useState(false);
  return (
    <div className="page">
      <Flex className="page-head" justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        <Flex gap={8} wrap>
          {filters && mobile && (
            <Badge count={activeFilters} size="small">
              <Button icon={<FilterOutlined />} onClick={() => setShowFilters((v) => !v)}>
                {t('common.filters')}
              </Button>
            </Badge>
          )}
          {actions}
        </Flex>
      </Flex>
      {filters && (!mobile || showFilters) && (
        <Card size="small" className="filter-card">
          <div className="filter-bar">{filters}</div>
        </Card>
      )}
      {plain ? (
        children
      ) : (
        <Card size="small" className="list-card">
          {children}
        </Card>
      )}
    </div>
  );
}
