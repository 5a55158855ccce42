import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './strings';
import './mobile.css';
import { MobileApp } from './MobileApp';

/** Called by boot.ts once the code and the business time are both here. */
export function render(): void {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <MobileApp />
    </StrictMode>,
  );
}
