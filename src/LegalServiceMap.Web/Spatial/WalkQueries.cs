using LegalServiceMap.Core.Spatial.Isochrones;
using Microsoft.Extensions.Options;

namespace LegalServiceMap.Web.Spatial;

/// <summary>
/// Walks on the current snapshot's engine: the street network stored in the database (loaded at start, replaced by an
/// import through <see cref="SpatialStore"/>) or, with none imported, the approximate circle. Each walk is computed once
/// per snapshot and request: the map page and /api/isochrone (which the page's map fetches to draw it) ask for the same
/// walk and get the same answer, keyed by the origin (to 1e-7°, about 1 cm), the minutes and the speed, so the list and
/// the map agree by construction. Read-only; singleton; thread-safe.
/// </summary>
public sealed class WalkQueries(SpatialState state, Setup.AppMetrics metrics, IOptions<IsochroneOptions> options)
{
    private sealed record WalkKey(long Lat, long Lng, double Minutes, double SpeedKmh);

    public IIsochroneEngine Engine => state.Current.Engine;
    public IsochroneOptions Options => options.Value;

    /// <summary>The network walking areas follow; null when they are circles.</summary>
    public NetworkSummary? Network => state.Current is { Graph: not null, Network: { } n } ? n.Summary : null;

    /// <summary>The walk for a request, computed once per snapshot and request (see the class summary).</summary>
    public IsochroneResult Compute(IsochroneRequest request)
    {
        var snapshot = state.Current;
        var key = new WalkKey((long)Math.Round(request.Origin.Latitude * 1e7), (long)Math.Round(request.Origin.Longitude * 1e7), request.Minutes, request.SpeedKmh);
        return state.Derived(snapshot, key, () => metrics.TimeIsochrone(() => snapshot.Engine.Compute(request, snapshot.Places)));
    }
}
