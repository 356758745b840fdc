using Masq.Lib.Ui.Messages;

namespace Masq.Node.Neighborhood;

/// <summary>The Node's overall connection stage (NotConnected → ConnectedToNeighbor → RouteFound).</summary>
internal sealed class ConnectionProgress
{
    private int _stage = (int)UiConnectionStage.NotConnected;

    /// <summary>Raised with the new stage whenever it changes.</summary>
    public event Action<UiConnectionStage>? Changed;

    public UiConnectionStage Stage => (UiConnectionStage)Volatile.Read(ref _stage);

    public void Advance(UiConnectionStage stage)
    {
        var previous = (UiConnectionStage)Interlocked.Exchange(ref _stage, (int)stage);
        if (previous != stage)
        {
            Changed?.Invoke(stage);
        }
    }
}
