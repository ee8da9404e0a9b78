import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { i18nReady } from './i18n';
import './styles/nlds.css';
import './styles.css';
import './styles/method.css';
import './styles/lists.css';
import './styles/results.css';
import './styles/facilitator.css';
import './styles/screen.css';
import './styles/lasting.css';
import './styles/phone.css';

// The app then loads without a network (client/sw/serviceWorker.js; built only).
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => void navigator.serviceWorker.register('/sw.js').catch(() => {}));
}

// English readers get their texts before the first paint (they load on demand, see i18n/index.ts).
void i18nReady.then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
