import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './compress';

const VENDOR =
  /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom|@tanstack|i18next|react-i18next|dayjs|use-sync-external-store)[\\/]/;
const DAYJS_PLUGIN = /[\\/]dayjs[\\/]plugin[\\/]/;
const RC_FORM_INDEX = /[\\/]@rc-component[\\/]form[\\/]es[\\/]index\.js$/;

export default defineConfig({
  root: path.resolve(import.meta.dirname),
  plugins: [react(), precompress()],
  build: {
    outDir: path.resolve(import.meta.dirname, '../dist/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      treeshake: {
        // @rc-component/form has no "sideEffects" field and its index assigns statics to the form, so every antd
        // component that only reads the form context (dropdowns, popovers…) kept the whole form library and its
        // validator (~40 KB). Only the index is marked: it has no effect beyond its exports.
        moduleSideEffects: (id) => (RC_FORM_INDEX.test(id) ? false : undefined),
      },
      output: {
        codeSplitting: {
          // What both apps (staff and phone) load on every page, in one chunk that changes only when these libraries
          // do, so it stays cached across releases. The rest is split where it is imported (lazy pages).
          // dayjs's plugins are antd's date pickers' (staff pages only).
          groups: [{ name: 'vendor', test: (id) => VENDOR.test(id) && !DAYJS_PLUGIN.test(id) }],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
