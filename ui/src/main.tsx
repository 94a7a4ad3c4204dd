import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/spotlight/styles.css';
import './app/global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createQueryClient } from './app/queryClient';
import { createAppRouter } from './app/router';
import { initI18n } from './i18n/setup';
import { installGlobalErrorHandlers } from './lib/globalErrorHandlers';
import { log } from './lib/log';

initI18n();
const router = createAppRouter();
installGlobalErrorHandlers(() => router.state.location.href);
log.info('UI started', { userAgent: navigator.userAgent, language: navigator.language });

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element');

createRoot(rootElement).render(
  <StrictMode>
    <App router={router} queryClient={createQueryClient()} />
  </StrictMode>,
);
