using Masq.Lib.Configuration;

namespace Masq.Node.Configuration;

/// <summary>The values that change while the Node runs, as one immutable snapshot.</summary>
internal sealed record RuntimeValues(string? DbPassword, int MinHops, ulong GasPrice);

/// <summary>
/// The values that change while the Node runs (password, min-hops, gas price). Owned by the Configurator, the only
/// writer (it handles the UI messages that change them); every other actor reads <see cref="Current"/>, an immutable
/// snapshot replaced whole, so a reader never sees half of a change and never needs a lock.
/// </summary>
internal sealed class NodeRuntimeState(NodeSettings settings)
{
    private RuntimeValues _current = new(settings.DbPassword, settings.MinHops, settings.GasPrice);

    /// <summary>Raised on the Configurator's loop after min-hops changed.</summary>
    public event Action<int>? MinHopsChanged;

    public NodeSettings Settings { get; } = settings;

    public RuntimeValues Current => Volatile.Read(ref _current);

    /// <summary>The database password, once known (given at start or set through the UI).</summary>
    public string? DbPassword => Current.DbPassword;

    public int MinHops => Current.MinHops;

    public ulong GasPrice => Current.GasPrice;

    /// <summary>The Configurator only.</summary>
    public void SetDbPassword(string password) => Volatile.Write(ref _current, Current with { DbPassword = password });

    /// <summary>The Configurator only.</summary>
    public void SetMinHops(int hops)
    {
        Volatile.Write(ref _current, Current with { MinHops = hops });
        MinHopsChanged?.Invoke(hops);
    }

    /// <summary>The Configurator only.</summary>
    public void SetGasPrice(ulong gwei) => Volatile.Write(ref _current, Current with { GasPrice = gwei });
}
