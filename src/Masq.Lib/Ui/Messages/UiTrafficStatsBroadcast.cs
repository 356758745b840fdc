namespace Masq.Lib.Ui.Messages;

/// <summary>
/// The Node's traffic since it started, broadcast about once a second while it changes: what this Node consumed
/// for its own browser, what it routed for others, and what it served as an exit.
/// </summary>
public sealed record UiTrafficStatsBroadcast(UiTrafficCounters Consumed, UiTrafficCounters Routed, UiTrafficCounters Exit) : IUiMessage
{
    public static string Opcode => Opcodes.TrafficStats;
}
