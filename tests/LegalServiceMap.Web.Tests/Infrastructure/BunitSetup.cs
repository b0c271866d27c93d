using System.Globalization;
using Bunit;
using LegalServiceMap.Web.Components.Map;
using LegalServiceMap.Web.Setup;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;
using MudBlazor.Services;

namespace LegalServiceMap.Web.Tests.Infrastructure;

/// <summary>A clock fixed at one instant.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}

/// <summary>The one setup every component test uses: app services on a private seeded database, MudBlazor without transitions,
/// loose interop for MudBlazor's internals but a strict, recorded interop for our map module.</summary>
public static class BunitSetup
{
    /// <summary>Tuesday 2026-12-01 10:00 in Shanghai.</summary>
    public static readonly DateTimeOffset TuesdayMorning = new(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(8));

    public static BunitJSInterop AddAppServices(this BunitContext ctx, TestDatabase db, string culture = "zh-CN", DateTimeOffset? now = null)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        db.AddTo(ctx.Services);
        ctx.Services.AddLocalization();
        ctx.Services.AddSingleton<TimeProvider>(new FixedClock(now ?? TuesdayMorning));
        ctx.AddBunitPersistentComponentState();
        ctx.Services.AddSingleton(LegalServiceMap.Web.Stations.HolidayCalendarProvider.Load(Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance));
        ctx.Services.AddSingleton(Options.Create(new MapOptions { TileUrl = null }));
        ctx.Services.AddSingleton(Options.Create(new LegalServiceMap.Web.Features.Staff.ImportOptions()));
        ctx.Services.AddMudServices(o =>
        {
            o.PopoverOptions.CheckForPopoverProvider = false;
            o.SnackbarConfiguration.ShowTransitionDuration = 0;
            o.SnackbarConfiguration.HideTransitionDuration = 0;
        });
        ctx.Services.AddTransient<MudLocalizer, ResxMudLocalizer>();
        ctx.Services.AddLogging();
        ctx.Services.AddSingleton(Options.Create(new LegalServiceMap.Core.Spatial.Isochrones.IsochroneOptions()));
        ctx.Services.AddSingleton<LegalServiceMap.Web.Spatial.WalkingAreaService>();
        ctx.Services.AddSingleton<LegalServiceMap.Web.Spatial.BoundaryService>();
        ctx.Services.AddSingleton<LegalServiceMap.Web.Features.Coverage.CoverageService>();
        ctx.Services.AddSingleton<LegalServiceMap.Web.Spatial.Gazetteer>();
        ctx.Services.AddSingleton<LegalServiceMap.Web.Features.Culture.CultureService>();
        ctx.Services.AddSingleton<LegalServiceMap.Web.Features.Map.MapViewService>();
        ctx.Services.AddSingleton<LegalServiceMap.Web.Features.Map.Arrivals>();
        ctx.Services.AddScoped<LegalServiceMap.Web.Features.Staff.StationEditService>();
        ctx.Services.AddSingleton<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>(new Microsoft.AspNetCore.DataProtection.EphemeralDataProtectionProvider());
        ctx.Services.AddScoped<Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage.ProtectedLocalStorage>();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;

        var module = ctx.JSInterop.SetupModule(MapInterop.ModulePath);
        module.Mode = JSRuntimeMode.Strict;
        var map = module.SetupModule("createMap", _ => true);
        map.Mode = JSRuntimeMode.Strict;
        map.Setup<int>("setData", _ => true).SetResult(3);
        map.SetupVoid("focusStation", _ => true).SetVoidResult();
        map.SetupVoid("flyTo", _ => true).SetVoidResult();
        map.SetupVoid("setPin", _ => true).SetVoidResult();
        map.Setup<string?>("setOverlay", _ => true).SetResult("circle");
        map.Setup<GeoPosition?>("locate", _ => true).SetResult(new GeoPosition(31.2494, 121.4510));
        map.SetupVoid("dispose", _ => true).SetVoidResult();
        return map;
    }
}
