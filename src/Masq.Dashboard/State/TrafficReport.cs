namespace Masq.Dashboard.State;

/// <summary>
/// Cumulative traffic counters as a Node reports them: traffic this Node consumed (its own browser traffic), routed
/// for others, and served as an exit.
/// </summary>
public sealed record TrafficReport(TrafficCounters Consumed, TrafficCounters Routed, TrafficCounters Exit);
