namespace Masq.Node.Actors;

/// <summary>Records why the Node is stopping abnormally, so the process exits non-zero.</summary>
internal sealed class NodeFailure
{
    private string? _reason;

    public string? Reason => Volatile.Read(ref _reason);

    public void Record(string source, string reason) => Interlocked.CompareExchange(ref _reason, $"{source}: {reason}", null);
}
