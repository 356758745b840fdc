namespace Masq.Dashboard.State;

/// <summary>Bytes per second in and out for each kind of service, over the interval between two reports.</summary>
public sealed record TrafficRates(
    double ConsumedInPerSecond,
    double ConsumedOutPerSecond,
    double RoutedInPerSecond,
    double RoutedOutPerSecond,
    double ExitInPerSecond,
    double ExitOutPerSecond)
{
    /// <summary>Bytes this Node served to others (routed + exit, counted once on the way out).</summary>
    public double ServedPerSecond => RoutedOutPerSecond + ExitOutPerSecond;
}
