import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles/nlds.css';
import './styles.css';
import './styles/method.css';
import './styles/lists.css';
import './styles/results.css';
import './styles/facilitator.css';
import './styles/screen.css';
import './styles/lasting.css';

// The app then loads without a network (client/sw/serviceWorker.js; built only).
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => void navigator.serviceWorker.register('/sw.js').catch(() => {}));
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
