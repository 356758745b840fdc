namespace Masq.Node.Actors;

/// <summary>
/// Where a lower layer hands work up to the layer above it, which also sends through it (the clandestine links and
/// the Hopper, the Hopper and the proxies and the Neighborhood). The upper layer attaches itself when it is built, so
/// neither needs the other at construction; <see cref="EnsureAttached"/> makes a Node composed without the upper layer
/// fail at start-up instead of dropping what arrives.
/// </summary>
internal sealed class InboundSlot<T>(string owner)
    where T : class
{
    private T? _handler;

    /// <exception cref="InvalidOperationException">Something is already attached.</exception>
    public void Attach(T handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (Interlocked.CompareExchange(ref _handler, handler, null) is not null)
        {
            throw new InvalidOperationException($"{owner} already has a {typeof(T).Name}");
        }
    }

    /// <exception cref="InvalidOperationException">Nothing is attached: the Node was composed without it.</exception>
    public T Handler => Volatile.Read(ref _handler) ?? throw Missing();

    /// <exception cref="InvalidOperationException">Nothing is attached: the Node was composed without it.</exception>
    public void EnsureAttached()
    {
        if (Volatile.Read(ref _handler) is null)
        {
            throw Missing();
        }
    }

    private InvalidOperationException Missing() =>
        new($"{owner} has no {typeof(T).Name}: the Node was composed without the service that takes it");
}
