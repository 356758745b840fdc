using System.Numerics;
using Masq.Node.Crypto;
using Masq.Node.Protocol;
using Masq.Node.Tests.Crypto;
using Nethereum.Signer;

namespace Masq.Node.Tests.Protocol;

public sealed class PayerTests : IDisposable
{
    private static readonly BigInteger CurveOrder =
        BigInteger.Parse("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);

    private readonly CryptDeReal _reader = CryptDeReal.Generate(TestChains.BaseSepolia);
    private readonly CryptDeReal _otherReader = CryptDeReal.Generate(TestChains.BaseSepolia);
    private readonly PayerSigner _signer = ProtocolSamples.PayerSigner(TestChains.BaseSepolia);

    public void Dispose() => _signer.Dispose();

    [Fact]
    public void Signer_wallet_is_the_ethereum_address_of_the_consuming_key()
    {
        Assert.Equal(ProtocolSamples.ConsumingWallet().GetPublicAddress().ToLowerInvariant(), _signer.Wallet.ToString());
        Assert.Equal("0x90f8bf6a479f320ead074411a4b0e7944ea8c9c1", _signer.Wallet.ToString());
    }

    [Fact]
    public void A_proof_signed_for_the_reader_verifies_against_its_own_digest()
    {
        var payer = _signer.SignFor(_reader.PublicKey);

        Assert.True(payer.OwnsSecretKey(_reader.Digest()));
        Assert.Equal(Keccak256.PayerDigest(_reader.PublicKey, TestChains.BaseSepolia), _reader.Digest());
    }

    [Fact]
    public void Proofs_are_deterministic()
    {
        // Another signer with the same key (the signer keeps its proofs, which is sound only because of this).
        using var again = ProtocolSamples.PayerSigner(TestChains.BaseSepolia);

        Assert.Equal(_signer.SignFor(_reader.PublicKey), again.SignFor(_reader.PublicKey));
        Assert.Same(_signer.SignFor(_reader.PublicKey), _signer.SignFor(_reader.PublicKey));
    }

    [Fact]
    public void Nethereum_recovers_the_same_wallet_from_the_proof()
    {
        var payer = _signer.SignFor(_reader.PublicKey);

        var signature = EthECDSASignatureFactory.FromComponents(payer.Proof.R.ToArray(), payer.Proof.S.ToArray(), (byte)(payer.Proof.RecoveryId + 27));
        var recovered = EthECKey.RecoverFromSignature(signature, _reader.Digest());

        Assert.Equal(payer.Wallet.ToString(), recovered.GetPublicAddress().ToLowerInvariant());
    }

    [Fact]
    public void A_proof_made_for_another_reader_is_rejected()
    {
        var payer = _signer.SignFor(_otherReader.PublicKey);

        Assert.False(payer.OwnsSecretKey(_reader.Digest()));
    }

    [Fact]
    public void A_proof_made_on_another_chain_is_rejected()
    {
        using var mainnetSigner = ProtocolSamples.PayerSigner(TestChains.BaseMainnet);

        Assert.False(mainnetSigner.SignFor(_reader.PublicKey).OwnsSecretKey(_reader.Digest()));
    }

    [Fact]
    public void A_proof_by_another_wallet_claiming_this_wallet_is_rejected()
    {
        using var forger = new PayerSigner(EthECKey.GenerateKey(), TestChains.BaseSepolia);
        var forged = new Payer(_signer.Wallet, forger.SignFor(_reader.PublicKey).Proof);

        Assert.False(forged.OwnsSecretKey(_reader.Digest()));
    }

    [Fact]
    public void Altered_proofs_are_rejected_without_throwing()
    {
        var payer = _signer.SignFor(_reader.PublicKey);
        var r = payer.Proof.R.ToArray();
        var s = payer.Proof.S.ToArray();

        var flippedR = (byte[])r.Clone();
        flippedR[31] ^= 1;
        var flippedS = (byte[])s.Clone();
        flippedS[0] ^= 0x10;
        PayerProof[] altered =
        [
            PayerProof.FromComponents(payer.Proof.RecoveryId, flippedR, s),
            PayerProof.FromComponents(payer.Proof.RecoveryId, r, flippedS),
            PayerProof.FromComponents((byte)(payer.Proof.RecoveryId ^ 1), r, s),
            PayerProof.FromComponents(0, new byte[32], new byte[32]),
            PayerProof.FromComponents(1, Enumerable.Repeat((byte)0xff, 32).ToArray(), Enumerable.Repeat((byte)0xff, 32).ToArray()),
        ];

        foreach (var proof in altered)
        {
            Assert.False(new Payer(payer.Wallet, proof).OwnsSecretKey(_reader.Digest()));
        }

        Assert.False(payer.OwnsSecretKey(new byte[31]));
    }

    [Fact]
    public void The_high_s_twin_of_a_valid_proof_is_rejected()
    {
        var payer = _signer.SignFor(_reader.PublicKey);
        var s = new BigInteger(payer.Proof.S, isUnsigned: true, isBigEndian: true);
        var twinS = (CurveOrder - s).ToByteArray(isUnsigned: true, isBigEndian: true);
        var padded = new byte[32];
        twinS.CopyTo(padded, 32 - twinS.Length);

        var twin = PayerProof.FromComponents((byte)(payer.Proof.RecoveryId ^ 1), payer.Proof.R, padded);

        // Mathematically the twin recovers the same key; it is refused so that one proof has one encoding.
        var nethereumTwin = EthECDSASignatureFactory.FromComponents(twin.R.ToArray(), twin.S.ToArray(), (byte)(twin.RecoveryId + 27));
        Assert.Equal(payer.Wallet.ToString(), EthECKey.RecoverFromSignature(nethereumTwin, _reader.Digest()).GetPublicAddress().ToLowerInvariant());
        Assert.False(new Payer(payer.Wallet, twin).OwnsSecretKey(_reader.Digest()));
    }

    [Fact]
    public void Proof_components_must_have_the_right_shape()
    {
        Assert.Throws<ArgumentException>(() => PayerProof.FromComponents(2, new byte[32], new byte[32]));
        Assert.Throws<ArgumentException>(() => PayerProof.FromComponents(0, new byte[31], new byte[32]));
    }
}
