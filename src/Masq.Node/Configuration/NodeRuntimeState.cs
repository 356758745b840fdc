using Masq.Lib.Configuration;

namespace Masq.Node.Configuration;

/// <summary>
/// The values that change while the Node runs (password, min-hops, gas price), shared by the actors that read them.
/// The Configurator is the only writer; readers get a consistent snapshot.
/// </summary>
internal sealed class NodeRuntimeState(NodeSettings settings)
{
    private volatile string? _dbPassword = settings.DbPassword;
    private int _minHops = settings.MinHops;
    private long _gasPrice = (long)settings.GasPrice;

    public event Action<int>? MinHopsChanged;

    public NodeSettings Settings { get; } = settings;

    /// <summary>The database password, once known (given at start or set through the UI).</summary>
    public string? DbPassword
    {
        get => _dbPassword;
        set => _dbPassword = value;
    }

    public int MinHops => Volatile.Read(ref _minHops);

    public ulong GasPrice => (ulong)Interlocked.Read(ref _gasPrice);

    public void SetMinHops(int hops)
    {
        Volatile.Write(ref _minHops, hops);
        MinHopsChanged?.Invoke(hops);
    }

    public void SetGasPrice(ulong gwei) => Interlocked.Exchange(ref _gasPrice, (long)gwei);
}
