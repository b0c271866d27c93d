using Bunit;

namespace LegalServiceMap.Web.Tests.Infrastructure;

/// <summary>
/// A bUnit context with a private seeded database, disposed asynchronously: MudBlazor's services (on staff pages) can
/// only be disposed that way. xunit runs <see cref="IAsyncLifetime.DisposeAsync"/> first, then Dispose.
/// </summary>
public abstract class AsyncBunitContext : Bunit.BunitContext, IAsyncLifetime
{
    protected TestDatabase Db { get; } = new();

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    /// <summary>
    /// Runs <paramref name="action"/> on the renderer's dispatcher in the test's culture: the dispatcher does not carry
    /// it over, so text rendered after a value set there would come out in the machine's language.
    /// </summary>
    protected static Task OnRendererAsync<T>(IRenderedComponent<T> cut, Func<Task> action) where T : Microsoft.AspNetCore.Components.IComponent
    {
        var (culture, ui) = (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture);
        return cut.InvokeAsync(() =>
        {
            (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture) = (culture, ui);
            return action();
        });
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        Db.Dispose();
    }
}
