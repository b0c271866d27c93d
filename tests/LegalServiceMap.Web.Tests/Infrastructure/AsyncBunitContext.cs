namespace LegalServiceMap.Web.Tests.Infrastructure;

/// <summary>
/// A bUnit context with a private seeded database, disposed asynchronously: MudBlazor's services (on staff pages) can
/// only be disposed that way. xunit runs <see cref="IAsyncLifetime.DisposeAsync"/> first, then Dispose.
/// </summary>
public abstract class AsyncBunitContext : Bunit.BunitContext, IAsyncLifetime
{
    protected TestDatabase Db { get; } = new();

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        Db.Dispose();
    }
}
