// Blazor's JS initializer for this app (loaded by blazor.web.js before the first interactive render).

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
