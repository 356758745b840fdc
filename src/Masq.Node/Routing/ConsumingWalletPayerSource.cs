using Masq.Lib.Configuration;
using Masq.Node.Configuration;
using Masq.Node.Persistence;
using Masq.Node.Protocol;
using Nethereum.Signer;
using Masq.Node.Crypto;

namespace Masq.Node.Routing;

/// <summary>
/// The consuming wallet from the configuration (<c>consuming-private-key</c>), or else the one stored in the database
/// once the password is known. Read on first use and kept; a wallet set later is picked up on the next ask.
/// </summary>
internal sealed class ConsumingWalletPayerSource(
    NodeSettings settings,
    NodeIdentity identity,
    NodeRuntimeState runtime,
    IPersistentConfiguration configuration) : IPayerSource, IDisposable
{
    private readonly Lock _gate = new();
    private PayerSigner? _signer;

    public PayerSigner? Signer
    {
        get
        {
            lock (_gate)
            {
                return _signer ??= Load();
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _signer?.Dispose();
            _signer = null;
        }
    }

    private PayerSigner? Load()
    {
        byte[]? key = null;
        try
        {
            if (settings.ConsumingPrivateKey is { } hex)
            {
                key = Convert.FromHexString(hex);
            }
            else if (runtime.DbPassword is { } password && configuration.IsPasswordSet() && configuration.CheckPassword(password))
            {
                key = configuration.GetConsumingWalletPrivateKey(password);
            }

            return key is null ? null : new PayerSigner(new EthECKey(key, isPrivate: true), identity.Main.ChainContract.Span);
        }
        finally
        {
            if (key is not null)
            {
                Array.Clear(key);
            }
        }
    }
}
