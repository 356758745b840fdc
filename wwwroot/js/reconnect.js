// Custom reconnect behaviour (after the Aspire dashboard's app-reconnect.js): when Blazor gives up, retry as soon as
// the tab is visible again; when the server no longer knows this tab's circuit (it restarted), reload the page.
(() => {
  const modal = document.getElementById("components-reconnect-modal");
  if (!modal) {
    return;
  }

  async function retry() {
    try {
      const reconnected = await Blazor.reconnect();
      if (!reconnected) {
        location.reload();
      }
    } catch {
      // The server is still away; the next visibility change or click tries again.
    }
  }

  function retryWhenVisible() {
    if (document.visibilityState === "visible") {
      retry();
    }
  }

  modal.addEventListener("components-reconnect-state-changed", (event) => {
    const state = event.detail && event.detail.state;
    if (state === "failed" || state === "resume-failed") {
      document.addEventListener("visibilitychange", retryWhenVisible);
    } else {
      document.removeEventListener("visibilitychange", retryWhenVisible);
    }
    if (state === "rejected") {
      location.reload();
    }
  });

  document.getElementById("components-reconnect-button")?.addEventListener("click", retry);
})();
