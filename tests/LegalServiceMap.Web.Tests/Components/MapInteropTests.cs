using Bunit;
using LegalServiceMap.Web.Components.Map;
using Microsoft.AspNetCore.Components;

namespace LegalServiceMap.Web.Tests.Components;

public sealed class MapInteropTests : BunitContext
{
    [Fact]
    public async Task DisposingTwiceWhileTheFirstIsStillRunning_ReleasesTheMapOnce()
    {
        JSInterop.Mode = JSRuntimeMode.Strict;
        var module = JSInterop.SetupModule(MapInterop.ModulePath);
        var map = module.SetupModule("createMap", _ => true);
        var dispose = map.SetupVoid("dispose", _ => true); // left pending: the browser has not answered yet
        var interop = new MapInterop(JSInterop.JSRuntime);
        var texts = new MapTexts("d", "a", "u", "c", "r");
        await interop.CreateAsync<object>(default(ElementReference), new MapSettings(31.2, 121.4, 13, 19, [], "", true, true, texts, "wgs84", new Dictionary<string, string>()), null);
        Assert.True(interop.IsReady);

        // The page is left (component disposal) and, at the same time, the late creation path disposes again.
        var first = interop.DisposeAsync().AsTask();
        var second = interop.DisposeAsync().AsTask();
        dispose.SetVoidResult();
        await Task.WhenAll(first, second);

        Assert.Single(map.Invocations["dispose"]);
        Assert.False(interop.IsReady);
    }
}
