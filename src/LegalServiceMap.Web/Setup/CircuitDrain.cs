using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.JSInterop;

namespace LegalServiceMap.Web.Setup;

/// <summary>
/// A planned stop (SIGTERM: a rolling restart, a scaled-in server) hands every resident's page to another instance
/// with its state instead of dropping it. While the host stops, before the server stops listening: readiness turns 503,
/// new <c>/_blazor</c> connections are refused with 503 (nginx passes them to the next instance), and each connected
/// page is asked to pause its circuit (.NET 10: the page's persisted state, protected by the shared key ring, goes to
/// the browser) and to resume it at once, which the load balancer routes to a running instance. The stop waits for the
/// pages for at most <c>Cluster:DrainSeconds</c> (default 5; keep it below the host's 30 s shutdown timeout). A crash cannot do this: such a page reloads its address,
/// which holds its filters, point and open station (ReconnectModal.razor.js).
/// </summary>
public sealed class CircuitDrain(IConfiguration configuration, IHostApplicationLifetime lifetime, TimeProvider clock, ILogger<CircuitDrain> logger) : IHostedService
{
    public const string SecondsKey = "Cluster:DrainSeconds";
    public const string ClientFunction = "lsmCircuit.move";

    private readonly ConcurrentDictionary<string, IJSRuntime> _connected = new();
    private volatile bool _draining;

    public bool Draining => _draining;

    public Task StartAsync(CancellationToken ct)
    {
        // SignalR closes every connection when the host starts stopping (its own ApplicationStopping callback). A
        // cancellation token runs its callbacks in the reverse order of registration, so this one, registered once the
        // app has started (after SignalR's), runs first and hands the pages over while their connections still stand.
        lifetime.ApplicationStarted.Register(() => lifetime.ApplicationStopping.Register(() => DrainAsync().GetAwaiter().GetResult()));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>What the host does first when it stops (public for tests): readiness 503, new circuits refused, pages handed over.</summary>
    public async Task DrainAsync()
    {
        _draining = true;
        var pages = _connected.ToArray();
        if (pages.Length == 0) return;
        var seconds = configuration.GetValue(SecondsKey, 5.0);
        logger.LogInformation("Stopping: moving {Circuits} connected pages to another instance (at most {Seconds} s)", pages.Length, seconds);
        // The browser schedules the pause and answers at once; a page that does not answer is left to reconnect.
        using var answer = new CancellationTokenSource(TimeSpan.FromSeconds(Math.Min(2, seconds)));
        await Task.WhenAll(pages.Select(async page =>
        {
            try
            {
                await page.Value.InvokeVoidAsync(ClientFunction, answer.Token);
            }
            catch (Exception ex) when (ex is JSException or JSDisconnectedException or OperationCanceledException or InvalidOperationException)
            {
                logger.LogInformation("Stopping: a page did not take the hand-over ({Reason})", ex.GetType().Name);
                _connected.TryRemove(page.Key, out _);
            }
        }));
        var started = clock.GetTimestamp();
        while (!_connected.IsEmpty && clock.GetElapsedTime(started).TotalSeconds < seconds) await Task.Delay(TimeSpan.FromMilliseconds(50), clock);
        logger.LogInformation("Stopping: {Left} of {Circuits} pages still on this instance", _connected.Count, pages.Length);
    }

    /// <summary>Knows each circuit while its page is connected (a scoped handler, so it holds that page's JS runtime).</summary>
    public sealed class Handler(CircuitDrain drain, IJSRuntime js) : CircuitHandler
    {
        public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken ct)
        {
            drain._connected[circuit.Id] = js;
            return Task.CompletedTask;
        }

        public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken ct)
        {
            drain._connected.TryRemove(circuit.Id, out _);
            return Task.CompletedTask;
        }

        public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken ct)
        {
            drain._connected.TryRemove(circuit.Id, out _);
            return Task.CompletedTask;
        }
    }

    /// <summary>Readiness is 503 from the moment the instance starts stopping, so balancers that poll it stop sending.</summary>
    public sealed class Check(CircuitDrain drain) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
            Task.FromResult(drain.Draining ? HealthCheckResult.Unhealthy("stopping") : HealthCheckResult.Healthy("running"));
    }
}

public static class CircuitDrainSetup
{
    public static IServiceCollection AddCircuitDrain(this IServiceCollection services)
    {
        services.AddSingleton<CircuitDrain>();
        services.AddHostedService(sp => sp.GetRequiredService<CircuitDrain>());
        services.AddScoped<CircuitHandler, CircuitDrain.Handler>();
        services.AddHealthChecks().AddCheck<CircuitDrain.Check>("stopping", tags: [Health.Ready]);
        return services;
    }

    /// <summary>While stopping, a new circuit connection is refused (503, Retry-After), so the balancer tries the next instance.</summary>
    public static IApplicationBuilder UseCircuitDrain(this IApplicationBuilder app)
    {
        var drain = app.ApplicationServices.GetRequiredService<CircuitDrain>();
        return app.Use((http, next) =>
        {
            if (!drain.Draining || !http.Request.Path.StartsWithSegments("/_blazor")) return next(http);
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            http.Response.Headers.RetryAfter = "1";
            return Task.CompletedTask;
        });
    }
}
