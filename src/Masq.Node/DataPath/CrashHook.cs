using Masq.Node.Actors;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Masq.Node.DataPath;

/// <summary>
/// The <c>crash</c> test hook for the data-path subsystems (PROXYSERVER, PROXYCLIENT, HOPPER, STREAMHANDLERPOOL): like
/// an actor that panics, the Node records why and stops, so the Daemon reports the crash.
/// </summary>
internal sealed partial class CrashHook(NodeFailure failure, IHostApplicationLifetime lifetime, ILogger<CrashHook> logger)
{
    public void Crash(string key, string panicMessage)
    {
        failure.Record(key, panicMessage);
        LogCrashed(key, panicMessage);
        _ = Task.Run(lifetime.StopApplication);
    }

    [LoggerMessage(EventId = DataPathEventIds.Crashed, Level = LogLevel.Critical, Message = "{Actor} crashed on request: {PanicMessage}")]
    private partial void LogCrashed(string actor, string panicMessage);
}
