// Test helper: renders the real workspace (inside the app's providers and stores) over a FakeCore kit.
import { render } from '@testing-library/react';
import { makeApi } from '../../../../shared/ipc/make-api';
import { AppProviders } from '../../app-providers';
import { createAppStores } from '../../stores/app-stores';
import { Workspace } from '../workspace';
import type { WorkspaceKit } from './workspace-fake-core';

export function renderWorkspace(kit: WorkspaceKit) {
  const api = makeApi(kit.core);
  window.api = api;
  const stores = createAppStores(api);
  const stop = stores.start();
  const view = render(
    <AppProviders stores={stores} env="test">
      <Workspace accountId="sandbox" />
    </AppProviders>,
  );
  return {
    ...view,
    ...kit,
    stores,
    unmount() {
      view.unmount();
      stop();
    },
  };
}
