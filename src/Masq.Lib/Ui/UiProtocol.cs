namespace Masq.Lib.Ui;

/// <summary>Constants of the UI protocol as carried over SignalR.</summary>
/// <remarks>
/// Each side exchanges MASQ envelopes (<see cref="UiEnvelope"/>) as JSON text through one hub method in each
/// direction, so the reference protocol's semantics (conversations by contextId, fire-and-forget, redirects,
/// unmarshal errors for malformed text) carry over unchanged.
/// </remarks>
public static class UiProtocol
{
    /// <summary>The hub's path; named after the reference's WebSocket subprotocol.</summary>
    public const string HubPath = "/MASQNode-UIv2";

    /// <summary>Client → server: one envelope as JSON text.</summary>
    public const string ServerMethod = "Send";

    /// <summary>Server → client: one envelope as JSON text.</summary>
    public const string ClientMethod = "Receive";

    public const int DefaultUiPort = 5333;

    public const int MinUiPort = 1025;
}
