import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n/all';
import './app/app.css';
import { App } from './app/App';

/** Called by boot.ts once the code and the business time are both here. */
export function render(): void {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
