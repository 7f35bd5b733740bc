// Lets the status bar (outside the workspace) open the workspace's Outbox page: the mounted workspace
// registers how, keyed by the app's stores so two app instances never open each other's page.
const openers = new WeakMap<object, () => void>();

/** Registers how to show the outbox for this app; returns the unregister (only removes its own opener). */
export function registerOutboxOpener(app: object, open: () => void): () => void {
  openers.set(app, open);
  return () => {
    if (openers.get(app) === open) openers.delete(app);
  };
}

/** Shows the outbox page when a workspace is mounted; false when there is none to show it in. */
export function openOutbox(app: object): boolean {
  const open = openers.get(app);
  if (!open) return false;
  open();
  return true;
}
