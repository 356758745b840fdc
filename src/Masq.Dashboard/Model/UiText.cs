using Masq.Lib.Ui;
using Masq.Lib.Ui.Client;
using Masq.Lib.Ui.Messages;

namespace Masq.Dashboard.Model;

/// <summary>The sentences the dashboard shows for protocol facts, close to what <c>masq</c> prints.</summary>
public static class UiText
{
    public static string DescribeCrash(CrashReason? reason) => reason switch
    {
        null => "no reason was reported",
        { Kind: CrashReasonKind.NoInformation } => "no information (it was probably killed by a signal)",
        { Kind: CrashReasonKind.ChildWaitFailure, Text: var text } => $"the Daemon could not wait for it: {text}",
        { Text: null or "" } => "it exited without an error message",
        { Text: var text } => text!,
    };

    /// <param name="mode">The Node's reported mode: a zero-hop Node never connects, and browses all the same.</param>
    public static string DescribeStage(UiConnectionStage stage, string? mode = null) => (stage, mode) switch
    {
        (_, "zero-hop") => "ZeroHop: no neighbors needed; the Node carries your traffic straight to the servers.",
        (var s, _) => StageText(s),
    };

    private static string StageText(UiConnectionStage stage) => stage switch
    {
        UiConnectionStage.NotConnected => "NotConnected: no neighbor has answered yet.",
        UiConnectionStage.ConnectedToNeighbor => "ConnectedToNeighbor: established neighborship with an external Node.",
        UiConnectionStage.RouteFound => "RouteFound: you can relay data over the network.",
        _ => stage.ToString(),
    };

    /// <summary>What to tell the user about a failed call.</summary>
    public static string DescribeError(Exception error) => error switch
    {
        UiCallException { Code: UiErrorCodes.BadPassword } e => $"Wrong database password: {e.Message}",
        UiCallException { Code: UiErrorCodes.NodeNotRunning } e => $"The Node is not running: {e.Message}",
        UiCallException { Code: UiErrorCodes.Timeout } e => e.Message,
        UiCallException e => $"{e.Message} (Code {UiErrorCodes.Format(e.Code)})",
        UiConnectionLostException { WasNode: true } e => $"The connection to the Node closed: {e.Message}",
        UiConnectionLostException e => $"The Daemon is not reachable: {e.Message}",
        UiConnectException e => $"Could not reach the Daemon or Node: {e.Message}",
        UiProtocolException e => e.Message,
        OperationCanceledException => "The request was cancelled.",
        _ => $"Unexpected error: {error.Message}",
    };

    /// <summary>True for errors that say a password did not match.</summary>
    public static bool IsBadPassword(Exception error) =>
        error is UiCallException { Code: UiErrorCodes.BadPassword }
        || (error is UiCallException { Code: UiErrorCodes.ConfiguratorRead } read && read.Message.Contains("password", StringComparison.OrdinalIgnoreCase));
}
