namespace Masq.Dashboard.Backend;

/// <summary>How long each call waits for its answer (the <c>masq</c> CLI's timeouts).</summary>
internal static class UiTimeouts
{
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan Setup = TimeSpan.FromSeconds(30);
    /// <summary>
    /// As long as masq waits: the Daemon answers only after it saw the Node's UI come up, which it waits up to 20 s
    /// for, so a shorter wait reported a slow but successful start as a time-out.
    /// </summary>
    public static readonly TimeSpan Start = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan Shutdown = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan Scan = TimeSpan.FromSeconds(10);

    /// <summary>Wallet generation runs key derivation and database writes; give it longer than a plain read.</summary>
    public static readonly TimeSpan Wallets = TimeSpan.FromSeconds(10);

    /// <summary>A redirect costs one more connection; reads through it get a little more than the default.</summary>
    public static readonly TimeSpan NodeRead = TimeSpan.FromSeconds(3);
}
