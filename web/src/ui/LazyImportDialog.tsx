import { lazy, type ComponentProps } from 'react';
import type { ImportDialog as Dialog } from './ImportDialog';
import { OnFirstOpen } from './OnFirstOpen';

// Upload, progress and the import report are fetched when a user first opens the import, not with the list page.
const ImportDialogChunk = lazy(() => import('./ImportDialog').then((m) => ({ default: m.ImportDialog })));

/** The Excel import dialog (ui/ImportDialog.tsx), loaded on first open. */
export function ImportDialog(props: ComponentProps<typeof Dialog>) {
  return (
    <OnFirstOpen open={props.open}>
      <ImportDialogChunk {...props} />
    </OnFirstOpen>
  );
}
