import { Drawer } from 'antd';
import type { ReactNode } from 'react';
import { useIsMobile } from './useIsMobile';

interface Props {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  extra?: ReactNode;
  footer?: ReactNode;
  /** data-testid of the drawer's content, for the browser tests. */
  testId: string;
  width?: number;
  /** false: the page behind stays usable (the grid map). */
  mask?: boolean;
  children: ReactNode;
}

/** The detail panel every module uses: from the right on a desktop, full screen on a phone. */
export function DetailDrawer({
  open,
  onClose,
  title,
  extra,
  footer,
  testId,
  width = 560,
  mask = true,
  children,
}: Props) {
  const mobile = useIsMobile();
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={title}
      extra={extra}
      footer={footer}
      placement="right"
      size={mobile ? '100%' : width}
      mask={mask}
      destroyOnHidden
    >
      <div data-testid={testId}>{children}</div>
    </Drawer>
  );
}
