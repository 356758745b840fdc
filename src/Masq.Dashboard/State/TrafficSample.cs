namespace Masq.Dashboard.State;

/// <summary>
/// A traffic report as received, with the rates (bytes per second) computed from the previous report; rates are null
/// for the first report after a (re)start, because nothing is known about the interval before it.
/// </summary>
public sealed record TrafficSample(DateTimeOffset At, TrafficReport Totals, TrafficRates? Rates);
