import type { ImportReport } from './contracts';
import { ApiError, apiUrl, commonHeaders, errorFrom, type Query } from './client';
import i18n from '../i18n';

export interface UploadProgress {
  /** 0–100 while the file is being sent. */
  percent: number;
  /** true once every byte is sent and the server is working on it. */
  processing: boolean;
}

/**
 * Sends a file as multipart/form-data (field `file`) with XMLHttpRequest, so upload progress can be shown
 * (fetch has no upload progress), and resolves with the server's import report.
 */
export function uploadImport(
  path: string,
  file: File,
  query: Query,
  onProgress: (p: UploadProgress) => void,
): {
  promise: Promise<ImportReport>;
  abort: () => void;
} {
  return uploadFile<ImportReport>(path, file, query, onProgress);
}

/** Any multipart upload (field `file`) with progress, resolving with the server's JSON answer. */
export function uploadFile<T>(
  path: string,
  file: Blob,
  query: Query | undefined,
  onProgress: (p: UploadProgress) => void,
  fileName?: string,
): {
  promise: Promise<T>;
  abort: () => void;
} {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<T>((resolve, reject) => {
    xhr.open('POST', apiUrl(path, query));
    xhr.withCredentials = true;
    for (const [k, v] of Object.entries(commonHeaders())) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress({ percent: Math.round((e.loaded / e.total) * 100), processing: false });
    };
    xhr.upload.onload = () => onProgress({ percent: 100, processing: true });
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', i18n.t('errors.network')));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    xhr.onload = () => {
      if (xhr.status < 200 || xhr.status >= 300) {
        reject(errorFrom(xhr.status, xhr.responseText, path));
        return;
      }
      try {
        resolve(JSON.parse(xhr.responseText) as T);
      } catch {
        reject(new ApiError(xhr.status, 'BAD_RESPONSE', i18n.t('errors.badResponse')));
      }
    };
    const form = new FormData();
    form.append('file', file, fileName ?? (file instanceof File ? file.name : 'upload.jpg'));
    onProgress({ percent: 0, processing: false });
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}
