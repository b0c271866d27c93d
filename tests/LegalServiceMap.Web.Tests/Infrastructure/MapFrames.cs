using System.Text.Json;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace LegalServiceMap.Web.Tests.Infrastructure;

/// <summary>What a server-rendered page tells the map module to draw (Components/Map/MapFrame.razor's data-map).</summary>
public static class MapFrames
{
    public static JsonElement MapFrame<T>(this IRenderedComponent<T> cut) where T : IComponent =>
        JsonDocument.Parse(cut.Find("[data-map]").GetAttribute("data-map")!).RootElement;

    /// <summary>A text property of the frame's state, or null when it is not there.</summary>
    public static string? Text(this JsonElement state, string name) =>
        state.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
