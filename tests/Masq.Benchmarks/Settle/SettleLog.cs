using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Masq.Benchmarks.Settle;

/// <summary>One Node's log lines at Information and above (Debug too for the Neighborhood), with the time since the run started.</summary>
internal sealed class SettleLog(Stopwatch clock) : ILoggerProvider
{
    private readonly ConcurrentQueue<Entry> _entries = new();

    public IReadOnlyList<Entry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Collecting(categoryName, _entries, clock);

    public void Dispose()
    {
    }

    internal sealed record Entry(TimeSpan At, string Category, LogLevel Level, int EventId, string Message);

    private sealed class Collecting(string category, ConcurrentQueue<Entry> entries, Stopwatch clock) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) =>
            logLevel >= (category.StartsWith("Masq.Node.Neighborhood", StringComparison.Ordinal) ? LogLevel.Debug : LogLevel.Information);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                string message = formatter(state, exception);
                if (exception is not null)
                {
                    message += $" [{exception.GetType().Name}: {exception.Message}]";
                }

                entries.Enqueue(new Entry(clock.Elapsed, category, logLevel, eventId.Id, message));
            }
        }
    }
}
