using System.Globalization;
using Masq.Lib.Configuration;
using Masq.Node.Ui;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace Masq.Node.Hosting;

/// <summary>The Node's log: a rolling file in the data directory at <c>log-level</c>, Info+ on the console, and warnings to UIs.</summary>
internal static class NodeLogging
{
    public const string LogFileName = "MASQNode_rCURRENT.log";

    public static Logger Create(string dataDirectory, NodeLogLevel level, UiLogBroadcastSink broadcastSink)
    {
        var fileLevel = level switch
        {
            NodeLogLevel.Trace => LogEventLevel.Verbose,
            NodeLogLevel.Debug => LogEventLevel.Debug,
            NodeLogLevel.Info => LogEventLevel.Information,
            NodeLogLevel.Warn => LogEventLevel.Warning,
            NodeLogLevel.Error => LogEventLevel.Error,
            _ => LogEventLevel.Fatal,
        };
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Verbose()
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .WriteTo.Console(restrictedToMinimumLevel: LogEventLevel.Information, formatProvider: CultureInfo.InvariantCulture, standardErrorFromLevel: LogEventLevel.Warning)
            .WriteTo.Sink(broadcastSink, LogEventLevel.Information);
        if (level != NodeLogLevel.Off)
        {
            configuration = configuration.WriteTo.File(
                Path.Combine(dataDirectory, LogFileName),
                restrictedToMinimumLevel: fileLevel,
                formatProvider: CultureInfo.InvariantCulture,
                fileSizeLimitBytes: 100L * 1024 * 1024,
                rollOnFileSizeLimit: true,
                retainedFileCountLimit: 50);
        }
        return configuration.CreateLogger();
    }
}
