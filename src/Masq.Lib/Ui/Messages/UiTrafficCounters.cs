namespace Masq.Lib.Ui.Messages;

/// <summary>Bytes since the Node started: received from and sent to the peer side of one kind of service.</summary>
public sealed record UiTrafficCounters(ulong BytesIn, ulong BytesOut);
