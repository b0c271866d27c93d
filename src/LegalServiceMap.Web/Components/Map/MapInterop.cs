using LegalServiceMap.Core.Geo;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace LegalServiceMap.Web.Components.Map;

/// <summary>
/// What the map draws over its markers, handed over in one call: a GeoJSON URL (a walking area from /api/isochrone,
/// whose station features mark which markers lie inside the walk; a culture walk's route; the uncovered parts of the
/// district) and the point a walk starts from. Either may be null.
/// </summary>
public sealed record MapOverlay(string? Url, GeoPoint? Reference = null);

/// <summary>A position reported by the browser, WGS-84 degrees.</summary>
public sealed record GeoPosition(double Latitude, double Longitude);

/// <summary>
/// The one typed wrapper over wwwroot/js/map.js. It holds the map as a JS object reference (no globals, one
/// map per instance), sends markers as one GeoJSON URL for the module to fetch, and forwards only coarse events
/// (click, moveend, marker click). Dispose it with the component.
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

    /// <summary>Replaces the markers with the features of a GeoJSON URL (Feature or FeatureCollection). Returns how many were drawn.</summary>
    public ValueTask<int> SetDataAsync(string url) => Map.InvokeAsync<int>("setData", url);

    /// <summary>
    /// Draws an overlay (or clears it, with null): the reference point, and the layer of its URL; for a walking area the
    /// markers inside the walk are told from those outside. Returns the method drawn ("network", "circle"…), or null.
    /// </summary>
    public ValueTask<string?> SetOverlayAsync(MapOverlay? overlay) =>
        Map.InvokeAsync<string?>("setOverlay", overlay?.Url, overlay?.Reference?.Latitude, overlay?.Reference?.Longitude);

    /// <summary>Asks the browser for the device position (WGS-84); null when refused or unavailable.</summary>
    public ValueTask<GeoPosition?> LocateAsync() => Map.InvokeAsync<GeoPosition?>("locate");

    /// <summary>Shows (or, with nulls, removes) a pin; a draggable pin reports its new position through OnPinMoved.</summary>
    public ValueTask SetPinAsync(double? latitude, double? longitude, bool draggable) => Map.InvokeVoidAsync("setPin", latitude, longitude, draggable);

    /// <summary>Centres the map on a point.</summary>
    public ValueTask FlyToAsync(double latitude, double longitude, int zoom) => Map.InvokeVoidAsync("flyTo", latitude, longitude, zoom);

    /// <summary>Zooms to a station's marker and opens its popup.</summary>
    public ValueTask FocusStationAsync(string id) => Map.InvokeVoidAsync("focusStation", id);

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
