using Masq.Lib.Ui.Messages;
using Masq.Node.Ui;

namespace Masq.Node.Blockchain;

/// <summary>Run one scan: on its schedule (no request) or for a UI <c>scan</c> message (answered when done).</summary>
internal sealed record ScanRequested(UiScanType Type, UiRequest? Request) : BridgeMessage;
