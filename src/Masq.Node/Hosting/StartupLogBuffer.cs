using Microsoft.Extensions.Logging;

namespace Masq.Node.Hosting;

/// <summary>
/// Holds what the Node logs while it is still root, before it may open its log file (which it opens only as the
/// real user); <see cref="ReplayInto"/> writes it there afterwards.
/// </summary>
internal sealed class StartupLogBuffer : ILogger
{
    private readonly List<(LogLevel Level, string Message, Exception? Exception)> _entries = [];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        lock (_entries)
        {
            _entries.Add((logLevel, formatter(state, exception), exception));
        }
    }

    public void ReplayInto(ILogger logger)
    {
        lock (_entries)
        {
            foreach (var (level, message, exception) in _entries)
            {
                logger.Log(level, exception, "{Message}", message);
            }
            _entries.Clear();
        }
    }
}
