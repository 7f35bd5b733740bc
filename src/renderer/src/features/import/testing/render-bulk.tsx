// Test helper: renders a bulk page (import or recipes) with the drop zone and indicator over a FakeCore, as the workspace mounts them.
import { MantineProvider } from '@mantine/core';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { makeApi } from '../../../../../shared/ipc/make-api';
import { theme } from '../../../theme';
import type { FakeCore } from '../../../testing/fake-core';
import { createBulkStores, BulkStoresProvider, type BulkPage } from '../import-context';

export function renderBulk(core: FakeCore, ui: ReactNode) {
  const api = makeApi(core);
  window.api = api;
  const shown: BulkPage[] = [];
  const stores = createBulkStores(api, (page) => shown.push(page));
  const stop = stores.start();
  const view = render(
    <MantineProvider theme={theme} env="test">
      <BulkStoresProvider stores={stores}>{ui}</BulkStoresProvider>
    </MantineProvider>,
  );
  return { stores, shown, stop, ...view };
}
