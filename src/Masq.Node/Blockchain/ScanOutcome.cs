namespace Masq.Node.Blockchain;

/// <summary>How a scan ended: it did its work, or found nothing to do; either way with a summary for the log.</summary>
internal sealed record ScanOutcome(bool DidWork, string Summary)
{
    public static ScanOutcome NothingToDo(string summary) => new(false, summary);

    public static ScanOutcome Done(string summary) => new(true, summary);
}
