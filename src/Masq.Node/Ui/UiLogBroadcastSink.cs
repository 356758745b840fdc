using Masq.Daemon.Ui;
using Masq.Lib.Ui;
using Masq.Lib.Ui.Messages;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace Masq.Node.Ui;

/// <summary>
/// Sends the Node's own warnings and errors (and Info events marked for the UI) to every UI client as
/// <c>logBroadcast</c>. Framework events are left out, so a broadcast can never log and re-broadcast itself.
/// </summary>
internal sealed class UiLogBroadcastSink : ILogEventSink
{
    /// <summary>Set as a log property (to true) on Info events that UIs should see.</summary>
    public const string BroadcastProperty = "UiBroadcast";

    // Strings as they are, not quoted (the file and console sinks use the same :lj form).
    private static readonly MessageTemplateTextFormatter MessageFormatter = new("{Message:lj}");

    private IUiOutbound? _outbound;

    /// <summary>The hub comes to life after logging does; until then nothing is broadcast.</summary>
    public void Attach(IUiOutbound outbound) => _outbound = outbound;

    public void Emit(LogEvent logEvent)
    {
        var outbound = _outbound;
        if (outbound is null || !IsFromMasq(logEvent))
        {
            return;
        }
        UiLogLevel? level = logEvent.Level switch
        {
            LogEventLevel.Warning => UiLogLevel.Warn,
            LogEventLevel.Error or LogEventLevel.Fatal => UiLogLevel.Error,
            LogEventLevel.Information when logEvent.Properties.ContainsKey(BroadcastProperty) => UiLogLevel.Info,
            _ => null,
        };
        if (level is null)
        {
            return;
        }
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        MessageFormatter.Format(logEvent, text);
        var message = text.ToString();
        _ = outbound.BroadcastAsync(UiEnvelope.From(new UiLogBroadcast(message, level.Value)));
    }

    private static bool IsFromMasq(LogEvent logEvent) =>
        logEvent.Properties.TryGetValue("SourceContext", out var source)
        && source is ScalarValue { Value: string name }
        && name.StartsWith("Masq.", StringComparison.Ordinal)
        && !name.StartsWith("Masq.Daemon.Ui", StringComparison.Ordinal);
}
