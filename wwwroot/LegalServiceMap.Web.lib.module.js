// Blazor's JS initializer for this app (loaded by blazor.web.js before the first interactive render).

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

// stationaction: a click inside a list of stations, delegated to one .NET handler on the list (Features/Map/StationRow.cs):
// the action of the button clicked (data-action) and the station of its row (data-station-id).
export function afterWebStarted(blazor) {
  blazor.registerCustomEventType('stationaction', {
    browserEventName: 'click',
    createEventArgs: event => {
      const button = event.target instanceof Element ? event.target.closest('button[data-action]') : null;
      return {
        action: button?.dataset.action ?? null,
        stationId: button?.closest('[data-station-id]')?.dataset.stationId ?? null,
      };
    },
  });
}

// The server is stopping (a restart, a scaled-in instance; Setup/CircuitDrain.cs): pause this page's circuit, so its
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
