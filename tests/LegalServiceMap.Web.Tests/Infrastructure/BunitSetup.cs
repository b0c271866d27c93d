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

/// <summary>A clock the test moves forward.</summary>
public sealed class MovableClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;
    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>The one setup every component test uses: app services on a private seeded database, MudBlazor without transitions,
/// loose interop for MudBlazor's internals but a strict, recorded interop for our map module.</summary>
public static class BunitSetup
{
    /// <summary>Tuesday 2026-12-01 10:00 in Shanghai.</summary>
    public static readonly DateTimeOffset TuesdayMorning = new(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(8));

    /// <summary>
    /// The app's own services on a private database (<see cref="TestDatabase.AddTo"/>: the app's <c>AddApplication</c>),
    /// with what a component test replaces: the clock, MudBlazor without transitions, the browser's persistent state.
    /// </summary>
    public static BunitJSInterop AddAppServices(this BunitContext ctx, TestDatabase db, string culture = "zh-CN", DateTimeOffset? now = null)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        // bUnit's own stand-ins (navigation, the JS runtime, the renderer's services) stay: the app's registrations of
        // the same services are dropped.
        var bunits = ctx.Services.Select(d => d.ServiceType).ToHashSet();
        var before = ctx.Services.Count;
        db.AddTo(ctx.Services);
        foreach (var added in ctx.Services.Skip(before).Where(d => bunits.Contains(d.ServiceType)).ToList()) ctx.Services.Remove(added);
        ctx.Services.AddSingleton<TimeProvider>(new FixedClock(now ?? TuesdayMorning));
        ctx.AddBunitPersistentComponentState();
        ctx.Services.AddMudServices(o =>
        {
            o.PopoverOptions.CheckForPopoverProvider = false;
            o.SnackbarConfiguration.ShowTransitionDuration = 0;
            o.SnackbarConfiguration.HideTransitionDuration = 0;
        });
        ctx.Services.AddSingleton<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>(new Microsoft.AspNetCore.DataProtection.EphemeralDataProtectionProvider());
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;

        var module = ctx.JSInterop.SetupModule(MapInterop.ModulePath);
        module.Mode = JSRuntimeMode.Strict;
        var map = module.SetupModule("createMap", _ => true);
        map.Mode = JSRuntimeMode.Strict;
        map.SetupVoid("setPin", _ => true).SetVoidResult();
        map.SetupVoid("dispose", _ => true).SetVoidResult();
        return map;
    }
}
