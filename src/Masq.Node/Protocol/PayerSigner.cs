using Masq.Node.Crypto;
using NBitcoin.Secp256k1;
using Nethereum.Signer;

using Masq.Lib.Blockchains;

namespace Masq.Node.Protocol;

/// <summary>
/// The originator's consuming wallet as route building needs it: makes the <see cref="Payer"/> for each hop,
/// signed for that hop's reader on this Node's chain.
/// </summary>
internal sealed class PayerSigner : IDisposable
{
    private readonly ECPrivKey _key;
    private readonly byte[] _chainContract;

    /// <param name="consumingWallet">The consuming wallet's key, as the Wallets subsystem holds it.</param>
    /// <param name="chainContract">The chain's 20-byte token contract (<see cref="ICryptDE.ChainContract"/>).</param>
    public PayerSigner(EthECKey consumingWallet, ReadOnlySpan<byte> chainContract)
    {
        if (chainContract.Length != CryptDeReal.ChainContractLength)
        {
            throw new ArgumentException("A chain contract address is 20 bytes.", nameof(chainContract));
        }

        _chainContract = chainContract.ToArray();
        byte[] secret = consumingWallet.GetPrivateKeyAsBytes();
        Span<byte> scalar = stackalloc byte[32];
        try
        {
            // Nethereum's big-endian form may carry a leading sign byte or lack leading zeros; normalise to 32 bytes.
            ReadOnlySpan<byte> significant = secret.AsSpan().TrimStart((byte)0);
            if (significant.Length > scalar.Length)
            {
                throw new ArgumentException("Not a secp256k1 private key.", nameof(consumingWallet));
            }

            significant.CopyTo(scalar[(scalar.Length - significant.Length)..]);
            _key = ECPrivKey.Create(scalar);
        }
        finally
        {
            Array.Clear(secret);
            scalar.Clear();
        }

        Wallet = PayerProof.AddressOf(_key.CreatePubKey());
    }

    public WalletAddress Wallet { get; }

    /// <summary>
    /// The payer for a hop read by <paramref name="reader"/>: a proof over keccak256(reader ‖ contract). Signing is
    /// deterministic (RFC 6979), so the proof for one reader is always the same bytes: it is made once per reader and
    /// kept (a secp256k1 signature per relay was most of the cost of a new stream's route, ~2 ms for 3 hops).
    /// </summary>
    public Payer SignFor(PublicKey reader)
    {
        if (_proofs.TryGetValue(reader, out var payer))
        {
            return payer;
        }

        payer = new Payer(Wallet, PayerProof.Sign(_key, Keccak256.PayerDigest(reader, _chainContract)));
        if (_proofs.Count >= MaxKeptProofs)
        {
            _proofs.Clear();
        }

        _proofs[reader] = payer;
        return payer;
    }

    /// <summary>Readers whose proofs are kept; past it the table starts again (a mesh has far fewer relays).</summary>
    private const int MaxKeptProofs = 4096;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<PublicKey, Payer> _proofs = new();

    public void Dispose() => _key.Dispose();
}
