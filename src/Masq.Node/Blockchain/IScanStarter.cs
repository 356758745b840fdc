namespace Masq.Node.Blockchain;

/// <summary>
/// Starts the automatic payment scans (pending payables, payables, receivables, then each every scan interval).
/// The Neighborhood calls it when it first finds a full route; a zero-hop Node starts them itself. Idempotent; with
/// <c>--scans off</c> it does nothing and only the UI <c>scan</c> message runs scans.
/// </summary>
internal interface IScanStarter
{
    void StartScans();
}
