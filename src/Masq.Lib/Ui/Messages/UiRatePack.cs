namespace Masq.Lib.Ui.Messages;

/// <summary>Rates in wei.</summary>
public sealed record UiRatePack(ulong RoutingByteRate, ulong RoutingServiceRate, ulong ExitByteRate, ulong ExitServiceRate);
