namespace Masq.Dashboard.State;

/// <summary>A callback registered with <see cref="NodeStateStore.Subscribe"/>; disposing it unregisters.</summary>
internal sealed class StoreSubscription(NodeStateStore store, StoreArea areas, Action<StoreArea> callback) : IDisposable
{
    public StoreArea Areas { get; } = areas;

    public void Notify(StoreArea changed)
    {
        if ((changed & Areas) != StoreArea.None)
        {
            callback(changed & Areas);
        }
    }

    public void Dispose() => store.Unsubscribe(this);
}
