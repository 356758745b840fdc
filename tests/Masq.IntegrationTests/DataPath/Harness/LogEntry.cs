using Microsoft.Extensions.Logging;

namespace Masq.IntegrationTests.DataPath.Harness;

internal sealed record LogEntry(string Category, LogLevel Level, int EventId, string Message);
