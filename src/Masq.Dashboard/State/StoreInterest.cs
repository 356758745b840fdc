namespace Masq.Dashboard.State;

/// <summary>A page's declared interest in data that is fetched only on demand; disposing it withdraws the interest.</summary>
internal sealed class StoreInterest(NodeStateStore store, StoreArea area) : IDisposable
{
    private int _disposed;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            store.WithdrawInterest(area);
        }
    }
}
