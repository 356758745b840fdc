using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Masq.Node.Tests.Links;

/// <summary>Keeps every log entry at or above <see cref="LogLevel.Information"/>, for tests that count log lines.</summary>
internal sealed class RecordingLogger<T> : ILogger<T>
{
    public ConcurrentQueue<(LogLevel Level, EventId Id, string Message)> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            Entries.Enqueue((logLevel, eventId, formatter(state, exception)));
        }
    }

    public int Count(int eventId) => Entries.Count(e => e.Id.Id == eventId);
}
