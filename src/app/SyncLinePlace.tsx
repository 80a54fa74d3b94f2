/** Where the sync line goes, held while it loads or sync has not started, so that it moves nothing in. */
export const SyncLinePlace = () => (
  <div class="sync-status" aria-hidden="true">
    <p class="sync-line" />
  </div>
);
