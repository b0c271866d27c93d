namespace LegalServiceMap.Web.Components;

/// <summary>
/// Passes progress on to <paramref name="publish"/> at most once per <paramref name="interval"/> of
/// <paramref name="clock"/> time, always the latest value, and a value <paramref name="isFinal"/> says is the last of
/// its phase at once: a page redraws its progress bar often enough to move, not once per row. Thread-safe.
/// </summary>
public sealed class ThrottledProgress<T>(TimeProvider clock, TimeSpan interval, Func<T, bool> isFinal, Action<T> publish) : IProgress<T>
{
    private readonly Lock _lock = new();
    private DateTimeOffset? _last;

    public void Report(T value)
    {
        lock (_lock)
        {
            var now = clock.GetUtcNow();
            if (!isFinal(value) && _last is { } last && now - last < interval) return;
            _last = now;
        }
        publish(value);
    }
}
