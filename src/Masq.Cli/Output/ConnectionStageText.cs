using Masq.Lib.Ui.Messages;

namespace Masq.Cli.Output;

/// <summary>Texts for the connection stages: the <c>connection-status</c> answer and the <c>connectionChange</c> broadcast.</summary>
internal static class ConnectionStageText
{
    public const string ZeroHop = "ZeroHop: no neighbors needed; the Node browses directly (zero-hop mode: no privacy from the network).";

    /// <param name="neighborhoodMode">The Node's mode, when it says: a zero-hop Node is never connected, and never needs to be.</param>
    public static string ForStatus(UiConnectionStage stage, string? neighborhoodMode = null) => neighborhoodMode == "zero-hop" ? ZeroHop : stage switch
    {
        UiConnectionStage.NotConnected => "NotConnected: No external neighbor is connected to us.",
        UiConnectionStage.ConnectedToNeighbor => "ConnectedToNeighbor: External neighbor(s) are connected to us.",
        UiConnectionStage.RouteFound => "RouteFound: You can relay data over the network.",
        _ => stage.ToString(),
    };

    /// <remarks>The reference panics on <c>NotConnected</c> (a <c>todo!</c>); a Node that loses its last neighbor does send it.</remarks>
    public static string ForChange(UiConnectionStage stage) => stage switch
    {
        UiConnectionStage.NotConnected => "NotConnected: The Node has lost its connection to the network and is trying to reconnect.",
        UiConnectionStage.ConnectedToNeighbor => "ConnectedToNeighbor: Established neighborship with an external node.",
        UiConnectionStage.RouteFound => "RouteFound: You can now relay data over the network.",
        _ => stage.ToString(),
    };
}
