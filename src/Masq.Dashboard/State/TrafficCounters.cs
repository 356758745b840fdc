namespace Masq.Dashboard.State;

/// <summary>Cumulative byte counters of one kind of service since the Node started.</summary>
public sealed record TrafficCounters(ulong BytesIn, ulong BytesOut);
