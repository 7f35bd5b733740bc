// Renders the real app over a FakeCore through makeApi, the same way the preload builds window.api.
import { render } from '@testing-library/react';
import { makeApi } from '../../../shared/ipc/make-api';
import { App } from '../app';
import { AppProviders } from '../app-providers';
import { createAppStores } from '../stores/app-stores';
import { FakeCore } from './fake-core';

export function renderApp(core: FakeCore = new FakeCore()) {
  const api = makeApi(core);
  window.api = api;
  const stores = createAppStores(api);
  const view = render(
    <AppProviders stores={stores} env="test">
      <App />
    </AppProviders>,
  );
  return { core, api, stores, ...view };
}
