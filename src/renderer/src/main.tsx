// Renderer entry: Mantine's styles, the stores over window.api, and the app.
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getApi, hasApi } from './api/api';
import { App } from './app';
import { AppProviders } from './app-providers';
import { createAppStores } from './stores/app-stores';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element.');

if (hasApi()) {
  const stores = createAppStores(getApi());
  createRoot(container).render(
    <StrictMode>
      <AppProviders stores={stores}>
        <App />
      </AppProviders>
    </StrictMode>,
  );
} else {
  // Without the bridge nothing can work; say so instead of showing a blank window.
  container.textContent = 'Lead Desk could not reach its app core (window.api is missing). Open it from the Lead Desk app.';
}
