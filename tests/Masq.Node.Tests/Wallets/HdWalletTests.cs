using Masq.Node.Wallets;

namespace Masq.Node.Tests.Wallets;

/// <summary>BIP-32 test vector 1, and whole-wallet vectors (BIP-39 → BIP-32 → Ethereum) from independent tools.</summary>
public sealed class HdWalletTests
{
    // The reference's dev-chain mnemonic; the keys and addresses are what ganache 7.9.2 prints for it.
    private const string GanacheMnemonic = "timber cage wide hawk phone shaft pattern movie army dizzy hen tackle lamp absent write kind term toddler sphere ripple idle dragon curious hold";

    // The mnemonic Hardhat and Foundry use for their development accounts.
    private const string DevelopmentMnemonic = "test test test test test test test test test test test junk";

    public static TheoryData<string, string> Bip32Vector1 => new()
    {
        { "m/0'", "xprv9uHRZZhk6KAJC1avXpDAp4MDc3sQKNxDiPvvkX8Br5ngLNv1TxvUxt4cV1rGL5hj6KCesnDYUhd7oWgT11eZG7XnxHrnYeSvkzY7d2bhkJ7" },
        { "m/0'/1", "xprv9wTYmMFdV23N2TdNG573QoEsfRrWKQgWeibmLntzniatZvR9BmLnvSxqu53Kw1UmYPxLgboyZQaXwTCg8MSY3H2EU4pWcQDnRnrVA1xe8fs" },
        { "m/0'/1/2'", "xprv9z4pot5VBttmtdRTWfWQmoH1taj2axGVzFqSb8C9xaxKymcFzXBDptWmT7FwuEzG3ryjH4ktypQSAewRiNMjANTtpgP4mLTj34bhnZX7UiM" },
        { "m/0'/1/2'/2", "xprvA2JDeKCSNNZky6uBCviVfJSKyQ1mDYahRjijr5idH2WwLsEd4Hsb2Tyh8RfQMuPh7f7RtyzTtdrbdqqsunu5Mm3wDvUAKRHSC34sJ7in334" },
        { "m/0'/1/2'/2/1000000000", "xprvA41z7zogVVwxVSgdKUHDy1SKmdb533PjDz7J6N6mV6uS3ze1ai8FHa8kmHScGpWmj4WggLyQjgPie1rFSruoUihUZREPSL39UNdE3BBDu76" },
    };

    public static TheoryData<string, int, string, string> EthereumAccounts => new()
    {
        { GanacheMnemonic, 0, "0x5a4d5df91d0124dec73dbd112f82d6077ccab47d", "D4670B314ECB5E6B44B7FBE625ED746522C906316E66DF31BE64194EE6189188" },
        { GanacheMnemonic, 1, "0x7a3cf474962646b18666b5a5be597bb0af013d81", "ECF98675C3E82689133A6616C89E0AFA58223B386C804E55C46DE6584BDD14CD" },
        { GanacheMnemonic, 2, "0x0bd8bc4b8aba5d8abf13ea78a6668ad0e9985ad6", "92B1597B70102F936270E3144FDE0C5DAD020825CAE2D68F1E8F305AB6796E89" },
        { GanacheMnemonic, 3, "0xb329c8b029a2d3d217e71bc4d188e8e1a4a8b924", "C4940806176251926965654ED6C983E5760199A5C57C7BFA716CCA93256B97ED" },
        { DevelopmentMnemonic, 0, "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266", "AC0974BEC39A17E36BA4A6B4D238FF944BACB478CBED5EFCAE784D7BF4F2FF80" },
        { DevelopmentMnemonic, 1, "0x70997970c51812dc3a010c7d01b50e0d17dc79c8", "59C6995E998F97A5A0044966F0945389DC9E86DAE88C7A8412F4603B6B78690D" },
    };

    [Theory]
    [MemberData(nameof(Bip32Vector1))]
    public void Derivation_matches_bip32_test_vector_1(string path, string xprv)
    {
        var seed = Convert.FromHexString("000102030405060708090a0b0c0d0e0f");

        Assert.Equal(xprv, HdWallet.ExtendedPrivateKey(seed, DerivationPath.Parse(path)));
    }

    [Theory]
    [MemberData(nameof(EthereumAccounts))]
    public void Mnemonic_and_default_path_give_the_well_known_ethereum_accounts(string mnemonic, int index, string address, string privateKey)
    {
        Assert.True(MnemonicPhrase.TryParse(mnemonic.Split(' '), Bip39Language.English, out var phrase, out _, out _));
        var seed = phrase!.DeriveSeed(null);

        var key = HdWallet.DerivePrivateKey(seed, DerivationPath.Parse($"m/44'/60'/0'/0/{index}"));

        Assert.Equal(privateKey, EthereumKeys.ToHex(key));
        Assert.Equal(address, EthereumKeys.AddressOf(key));
    }

    [Fact]
    public void The_default_paths_are_the_first_two_accounts()
    {
        Assert.Equal("m/44'/60'/0'/0/0", DerivationPath.Parse(DerivationPath.DefaultConsuming).ToString());
        Assert.Equal("m/44'/60'/0'/0/1", DerivationPath.Parse(DerivationPath.DefaultEarning).ToString());
    }

    [Fact]
    public void A_passphrase_changes_every_key()
    {
        Assert.True(MnemonicPhrase.TryParse(GanacheMnemonic.Split(' '), Bip39Language.English, out var phrase, out _, out _));
        var path = DerivationPath.Parse(DerivationPath.DefaultConsuming);

        var plain = HdWallet.DerivePrivateKey(phrase!.DeriveSeed(null), path);
        var empty = HdWallet.DerivePrivateKey(phrase.DeriveSeed(string.Empty), path);
        var salted = HdWallet.DerivePrivateKey(phrase.DeriveSeed("the 25th word"), path);

        Assert.Equal(plain, empty);
        Assert.NotEqual(plain, salted);
    }

    [Theory]
    [InlineData("m/44'/60'/0'/0/0", 5)]
    [InlineData("m/44h/60h/0h/0/7", 5)]
    [InlineData("m/0", 1)]
    [InlineData(" m/2147483647' ", 1)]
    public void Good_paths_parse(string text, int depth)
    {
        Assert.True(DerivationPath.TryParse(text, out var path, out _));
        Assert.Equal(depth, path.KeyPath.Indexes.Length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("m")]
    [InlineData("m/")]
    [InlineData("44'/60'/0'/0/0")]
    [InlineData("M/44'/60'")]
    [InlineData("m/44'/60'/x")]
    [InlineData("m/44''")]
    [InlineData("m/-1")]
    [InlineData("m/2147483648")]
    [InlineData("m//0")]
    [InlineData("m/4 4")]
    public void Bad_paths_are_refused_with_a_reason(string text)
    {
        Assert.False(DerivationPath.TryParse(text, out _, out var error));
        Assert.Contains("derivation path", error, StringComparison.Ordinal);
    }
}
