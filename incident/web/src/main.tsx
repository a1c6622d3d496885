import '@mantine/core/styles.css';
import '@mantine/dropzone/styles.css';
import '@mantine/notifications/styles.css';
import '@toolocr/platform-web/frame.css';
import './styles.css';
import './i18n';
import { ApiClient } from '@toolocr/platform-web';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';

// The refresh lock's name is this app's own: it keeps a session apart from Tool_OCR's on one host.
const client = new ApiClient({ lockName: 'incident-refresh', locks: typeof navigator !== 'undefined' ? navigator.locks : undefined });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App client={client} />
  </StrictMode>,
);
