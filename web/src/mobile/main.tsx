import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../i18n';
import './mobile.css';
import { MobileApp } from './MobileApp';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MobileApp />
  </StrictMode>,
);
