using LegalServiceMap.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LegalServiceMap.Web.Tests.Platform;

/// <summary>
/// What the server keeps of residents who switched away (README "Disconnected circuits"): the limits measured with
/// scripts/measure-circuits.sh, not .NET's defaults (persisted state for 2 hours, 8 in Redis), and the operator's
/// Blazor:Circuit settings over them.
/// </summary>
public sealed class CircuitRetentionTests
{
    [Fact]
    public void ByDefault_DisconnectedCircuitsStayThreeMinutes_AndTheirPersistedStateAQuarterOfAnHourMore()
    {
        using var app = new AppFactory { EnvironmentName = "Production" };
        var options = app.Services.GetRequiredService<IOptions<CircuitOptions>>().Value;
        Assert.Equal((500, TimeSpan.FromMinutes(3)), (options.DisconnectedCircuitMaxRetained, options.DisconnectedCircuitRetentionPeriod));
        Assert.Equal((2000, TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(15)),
            (options.PersistedCircuitInMemoryMaxRetained, options.PersistedCircuitInMemoryRetentionPeriod, options.PersistedCircuitDistributedRetentionPeriod));
    }

    [Fact]
    public void TheOperatorsSettings_ComeOverTheMeasuredOnes()
    {
        using var app = new AppFactory
        {
            EnvironmentName = "Production",
            Settings = new()
            {
                ["Blazor:Circuit:PersistedCircuitInMemoryMaxRetained"] = "300",
                ["Blazor:Circuit:PersistedCircuitInMemoryRetentionPeriod"] = "00:05:00",
                ["Blazor:Circuit:PersistedCircuitDistributedRetentionPeriod"] = "01:00:00",
            },
        };
        var options = app.Services.GetRequiredService<IOptions<CircuitOptions>>().Value;
        Assert.Equal((300, TimeSpan.FromMinutes(5), TimeSpan.FromHours(1)),
            (options.PersistedCircuitInMemoryMaxRetained, options.PersistedCircuitInMemoryRetentionPeriod, options.PersistedCircuitDistributedRetentionPeriod));
        Assert.Equal(500, options.DisconnectedCircuitMaxRetained);
    }
}
