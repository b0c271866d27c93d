using LegalServiceMap.Core.Geo;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace LegalServiceMap.Web.Components.Map;

/// <summary>
/// The typed wrapper over wwwroot/js/map.js for the staff workspace's interactive pages (<see cref="PinMap"/>); the
/// resident pages drive the same module from wwwroot/js/resident.js. It holds the map as a JS object reference (no
/// globals, one map per instance) and forwards only coarse events (a tap, a pin dropped). Dispose it with the component.
/// </summary>
public sealed class MapInterop(IJSRuntime js) : IAsyncDisposable
{
    public const string ModulePath = "./js/map.js";

    private IJSObjectReference? _module;
    private IJSObjectReference? _map;

    public bool IsReady => _map is not null;

    public async Task CreateAsync<TCallbacks>(ElementReference element, MapSettings settings, DotNetObjectReference<TCallbacks>? callbacks)
        where TCallbacks : class
    {
        _module ??= await js.InvokeAsync<IJSObjectReference>("import", ModulePath);
        // Null when the element has already left the page (the person navigated away meanwhile).
        _map = await _module.InvokeAsync<IJSObjectReference?>("createMap", element, settings, callbacks);
    }

    /// <summary>Shows (or, with nulls, removes) a pin; a draggable pin reports its new position through OnPinMoved.</summary>
    public ValueTask SetPinAsync(double? latitude, double? longitude, bool draggable) => Map.InvokeVoidAsync("setPin", latitude, longitude, draggable);

    private IJSObjectReference Map => _map ?? throw new InvalidOperationException("The map has not been created yet.");

    /// <summary>Idempotent, and safe while a creation is still in flight (the page may be left meanwhile): each
    /// reference is taken before it is released, so two calls never release the same one.</summary>
    public async ValueTask DisposeAsync()
    {
        var map = Interlocked.Exchange(ref _map, null);
        var module = Interlocked.Exchange(ref _module, null);
        try
        {
            if (map is not null)
            {
                await map.InvokeVoidAsync("dispose");
                await map.DisposeAsync();
            }
            if (module is not null)
            {
                await module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone; the browser has dropped the map with the page.
        }
    }
}
