using Masq.Lib.Ui;
using Masq.Lib.Ui.Messages;

namespace Masq.Cli.Output;

/// <summary>The texts interactive masq prints for broadcasts and fire-and-forget messages from the Daemon or Node.</summary>
internal static class BroadcastFormatter
{
    public static ConsoleText Format(UiEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        return envelope.Opcode switch
        {
            Opcodes.Setup => Read<UiSetupResponse>(envelope, b => ConsoleText.Out(SetupTableFormatter.FormatBroadcast(b))),
            Opcodes.Crashed => Read<UiCrashedBroadcast>(envelope, b => ConsoleText.Out(Crashed(b))),
            Opcodes.NewPassword => ConsoleText.Out("\nThe Node's database password has changed.\n\n"),
            Opcodes.Undelivered => Read<UiUndelivered>(envelope, b => ConsoleText.Err($"\nCannot handle {b.Opcode} request: Node is not running.\n\n")),
            Opcodes.ConnectionChange => Read<UiConnectionChangeBroadcast>(envelope, b => ConsoleText.Out($"\n{ConnectionStageText.ForChange(b.Stage)}\n\n")),
            Opcodes.LogBroadcast => Read<UiLogBroadcast>(envelope, b => ConsoleText.Out($"\n\n>>  {b.LogLevel}: {b.Msg}\n\n")),
            Opcodes.UnmarshalError => Read<UiUnmarshalError>(envelope, b => ConsoleText.Err($"\nThe Daemon or Node could not understand a message from masq: {b.Message}\n\n")),
            // Sent after set-configuration and similar; the command's own output already says what changed.
            Opcodes.ConfigurationChanged => ConsoleText.None,
            Opcodes.TrafficStats => ConsoleText.None, // a steady stream for live views; nothing to tell a terminal user
            _ => ConsoleText.Err($"Discarding unrecognized broadcast with opcode '{envelope.Opcode}'\n\n"),
        };
    }

    /// <summary>
    /// <c>The Node running as process N terminated</c> + <c>.</c> or <c>:\n------\n&lt;reason&gt;\n------</c>, then
    /// <c>The Daemon is once more accepting setup changes.</c>
    /// </summary>
    public static string Crashed(UiCrashedBroadcast broadcast)
    {
        var reason = broadcast.CrashReason.Kind switch
        {
            CrashReasonKind.ChildWaitFailure => "the Daemon couldn't wait on the child process: " + broadcast.CrashReason.Text,
            CrashReasonKind.Unrecognized => broadcast.CrashReason.Text ?? string.Empty,
            _ => string.Empty,
        };
        reason = reason.TrimEnd();
        var dressed = reason.Length == 0 ? "." : $":\n------\n{reason}\n------";
        return $"\nThe Node running as process {broadcast.ProcessId} terminated{dressed}\nThe Daemon is once more accepting setup changes.\n\n";
    }

    private static ConsoleText Read<T>(UiEnvelope envelope, Func<T, ConsoleText> format)
        where T : IUiMessage =>
        envelope.TryGetPayload<T>(out var body, out var problem)
            ? format(body)
            : ConsoleText.Err(ErrorText.Erratic($"could not read '{envelope.Opcode}' broadcast: {problem}") + "\n");
}
