// Blazor's JS initializer for this app (loaded by blazor.web.js when it starts, on every page).

// The circuit's connection is one WebSocket, opened without SignalR's negotiate request: a load balancer then has one
// request per connection to route, never a negotiate on one instance and its socket on another (README, "Cluster").
export function beforeWebStart(options) {
  options.circuit ??= {};
  const configure = options.circuit.configureSignalR;
  options.circuit.configureSignalR = builder => {
    configure?.(builder);
    builder.withUrl('_blazor', { skipNegotiation: true, transport: 1 /* HttpTransportType.WebSockets */ });
  };
}

// The resident pages' scripts (js/resident.js, js/sheet.js, js/drafts.js) follow enhanced navigations through these DOM
// events, so they need no reference to Blazor: lsm:started once enhanced navigation works, lsm:enhancedload after each
// new page has been merged into the document (in the same task: nothing is painted in between).
export function afterWebStarted(blazor) {
  blazor.addEventListener('enhancedload', () => document.dispatchEvent(new CustomEvent('lsm:enhancedload')));
  document.lsmStarted = true; // for a script that runs after this event
  document.dispatchEvent(new CustomEvent('lsm:started'));
}

// Staff pages: the server is stopping (a restart, a scaled-in instance; Setup/CircuitDrain.cs): pause this page's circuit, so its
// state comes to the page, and resume it at once; the load balancer routes the new connection to a running instance.
// If no instance can take the state, the page reloads its address (which holds its filters, point and station).
window.lsmCircuit = {
  move() {
    setTimeout(async () => {
      const state = document.documentElement.dataset;
      let paused = false;
      try { paused = await Blazor.pauseCircuit(); } catch { /* the usual reconnection takes over */ }
      if (!paused) return;
      state.circuitMove = 'moving';
      for (let attempt = 0; attempt < 20; attempt++) {
        await new Promise(resolve => setTimeout(resolve, Math.min(200 * 2 ** attempt, 3000)));
        try {
          if (await Blazor.resumeCircuit()) {
            state.circuitMove = 'resumed';
            return;
          }
          break; // an instance answered but could not take the state
        } catch { /* no instance answered yet */ }
      }
      location.reload();
    }, 0);
  },
};
