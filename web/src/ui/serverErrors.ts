import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';

interface Issue {
  path?: unknown;
}

/** Marks the fields a VALIDATION_FAILED answer names (details: [{path:'/phone', …}]) with `text`. */
export function markServerFieldErrors<T>(form: FormInstance<T>, err: unknown, text: string): void {
  if (!(err instanceof ApiError) || !Array.isArray(err.details)) return;
  const fields = (err.details as Issue[])
    .map((d) => (typeof d.path === 'string' ? d.path.replace(/^\//, '').split('/')[0] : ''))
    .filter((name): name is string => !!name);
  if (fields.length) form.setFields([...new Set(fields)].map((name) => ({ name: name as never, errors: [text] })));
}
