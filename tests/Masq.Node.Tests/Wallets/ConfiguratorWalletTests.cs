using System.Diagnostics.CodeAnalysis;
using Masq.Lib.Ui;
using Masq.Lib.Ui.Messages;
using Masq.Node.Actors;
using Masq.Node.Configuration;
using Masq.Node.Persistence;
using Masq.Node.Tests.Persistence;
using Masq.Node.Ui;
using Masq.Node.Wallets;
using Microsoft.Extensions.Logging.Abstractions;

namespace Masq.Node.Tests.Wallets;

/// <summary>generateWallets and recoverWallets through the real Configurator actor and a real database.</summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "xUnit disposes them in IAsyncLifetime.DisposeAsync.")]
public sealed class ConfiguratorWalletTests : IAsyncLifetime
{
    private const string Password = "secret password";
    private const string GanachePhrase = "timber cage wide hawk phone shaft pattern movie army dizzy hen tackle lamp absent write kind term toddler sphere ripple idle dragon curious hold";
    private const string Account0 = "0x5a4d5df91d0124dec73dbd112f82d6077ccab47d";
    private const string Account0Key = "D4670B314ECB5E6B44B7FBE625ED746522C906316E66DF31BE64194EE6189188";
    private const string Account1 = "0x7a3cf474962646b18666b5a5be597bb0af013d81";

    private readonly TempDirectory _directory = new();
    private readonly RecordingOutbound _outbound = new();
    private readonly PersistentConfiguration _configuration;
    private readonly NodeDatabaseFactory _database;
    private readonly NodeWallets _wallets = new(null, null);
    private readonly ConfiguratorActor _configurator;
    private ulong _contextId;

    public ConfiguratorWalletTests()
    {
        _database = PersistenceFixtures.CreateDatabase(_directory, "dev");
        _configuration = PersistenceFixtures.Configuration(_database);
        var state = new NodeRuntimeState(MoneyFixtures.Settings(_directory.Path));
        _configurator = new ConfiguratorActor(_configuration, state, _wallets, _outbound, new NodeFailure(), NullLogger<ConfiguratorActor>.Instance);
    }

    public async Task InitializeAsync() => await _configurator.StartAsync(CancellationToken.None);

    public async Task DisposeAsync()
    {
        await _configurator.StopAsync(CancellationToken.None);
        _configurator.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public async Task Generate_without_a_spec_makes_24_english_words_on_the_default_paths_and_stores_only_the_key_and_address()
    {
        _configuration.ChangePassword(null, Password);
        WalletSet? announced = null;
        _wallets.Changed += set => announced = set;

        var reply = await AskAsync(new UiGenerateWalletsRequest(Password));

        var response = reply.GetPayload<UiGenerateWalletsResponse>();
        Assert.Equal(24, response.MnemonicPhraseOpt!.Count);
        Assert.True(MnemonicPhrase.TryParse(response.MnemonicPhraseOpt, Bip39Language.English, out var phrase, out _, out _));
        var seed = phrase!.DeriveSeed(null);
        var consuming = HdWallet.DerivePrivateKey(seed, DerivationPath.Parse("m/44'/60'/0'/0/0"));
        var earning = HdWallet.DerivePrivateKey(seed, DerivationPath.Parse("m/44'/60'/0'/0/1"));
        Assert.Equal(Convert.ToHexString(consuming), response.ConsumingWalletPrivateKey);
        Assert.Equal(Convert.ToHexString(earning), response.EarningWalletPrivateKey);
        Assert.Equal(EthereumKeys.AddressOf(consuming), response.ConsumingWalletAddress);
        Assert.Equal(EthereumKeys.AddressOf(earning), response.EarningWalletAddress);

        Assert.Equal(consuming, _configuration.GetConsumingWalletPrivateKey(Password));
        Assert.Equal(response.EarningWalletAddress, _configuration.GetEarningWalletAddress());
        Assert.Equal(response.ConsumingWalletAddress, announced!.Consuming!.ToString());
        Assert.Equal(response.EarningWalletAddress, _wallets.Current.Earning.ToString());
        AssertNothingSecretStoredInTheClear(response.MnemonicPhraseOpt, response.EarningWalletPrivateKey, response.ConsumingWalletPrivateKey);
    }

    [Fact]
    public async Task Generate_with_a_spec_uses_its_size_language_passphrase_and_paths()
    {
        _configuration.ChangePassword(null, Password);

        var reply = await AskAsync(new UiGenerateWalletsRequest(
            Password,
            new UiGenerateSeedSpec(12, "Japanese", "25th word"),
            "m/44'/60'/0'/0/5",
            "m/44'/60'/0'/0/6"));

        var response = reply.GetPayload<UiGenerateWalletsResponse>();
        Assert.Equal(12, response.MnemonicPhraseOpt!.Count);
        Assert.True(MnemonicPhrase.TryParse(response.MnemonicPhraseOpt, Bip39Language.Japanese, out var phrase, out _, out _));
        var seed = phrase!.DeriveSeed("25th word");
        Assert.Equal(EthereumKeys.AddressOf(HdWallet.DerivePrivateKey(seed, DerivationPath.Parse("m/44'/60'/0'/0/5"))), response.ConsumingWalletAddress);
        Assert.Equal(EthereumKeys.AddressOf(HdWallet.DerivePrivateKey(seed, DerivationPath.Parse("m/44'/60'/0'/0/6"))), response.EarningWalletAddress);
    }

    [Fact]
    public async Task Generate_with_a_wrong_or_missing_password_is_bad_password()
    {
        var noPassword = await AskAsync(new UiGenerateWalletsRequest(Password));
        _configuration.ChangePassword(null, Password);
        var wrongPassword = await AskAsync(new UiGenerateWalletsRequest("not it"));

        Assert.Equal(UiErrorCodes.BadPassword, noPassword.Error!.Code);
        Assert.Equal(UiErrorCodes.BadPassword, wrongPassword.Error!.Code);
        Assert.Equal("Bad password; can't generate wallets", wrongPassword.Error.Message);
        AssertNoWalletsStored();
    }

    [Theory]
    [InlineData(null, "m/44'/60'/0'/0/0", null, null, UiErrorCodes.MissingData)]
    [InlineData(13, null, null, "English", UiErrorCodes.IllegalMnemonicWordCount)]
    [InlineData(12, null, null, "Klingon", UiErrorCodes.UnrecognizedMnemonicLanguage)]
    [InlineData(12, "m/44'/60'/x", null, "English", UiErrorCodes.DerivationPath)]
    [InlineData(12, null, "44'/60'/0'/0/1", "English", UiErrorCodes.DerivationPath)]
    public async Task Generate_refuses_bad_requests_precisely_and_stores_nothing(int? size, string? consumingPath, string? earningPath, string? language, ulong code)
    {
        _configuration.ChangePassword(null, Password);
        var spec = language is null ? null : new UiGenerateSeedSpec(size, language);

        var reply = await AskAsync(new UiGenerateWalletsRequest(Password, spec, consumingPath, earningPath));

        Assert.Equal(code, reply.Error!.Code);
        AssertNoWalletsStored();
    }

    [Fact]
    public async Task A_second_generate_collides_with_the_stored_wallets()
    {
        _configuration.ChangePassword(null, Password);
        var first = (await AskAsync(new UiGenerateWalletsRequest(Password))).GetPayload<UiGenerateWalletsResponse>();

        var second = await AskAsync(new UiGenerateWalletsRequest(Password));

        Assert.Equal(UiErrorCodes.ConfiguratorWrite, second.Error!.Code);
        Assert.Contains("Collision", second.Error.Message, StringComparison.Ordinal);
        Assert.Equal(first.EarningWalletAddress, _configuration.GetEarningWalletAddress());
        Assert.Equal(first.ConsumingWalletPrivateKey, Convert.ToHexString(_configuration.GetConsumingWalletPrivateKey(Password)!));
    }

    [Fact]
    public async Task Recover_from_a_phrase_and_paths_stores_the_derived_wallets()
    {
        _configuration.ChangePassword(null, Password);

        var reply = await AskAsync(new UiRecoverWalletsRequest(
            Password,
            new UiRecoverSeedSpec(GanachePhrase.Split(' '), "English"),
            ConsumingDerivationPathOpt: "m/44'/60'/0'/0/0",
            EarningDerivationPathOpt: "m/44'/60'/0'/0/1"));

        Assert.Null(reply.Error);
        Assert.Equal(Account0Key, Convert.ToHexString(_configuration.GetConsumingWalletPrivateKey(Password)!));
        Assert.Equal(Account1, _configuration.GetEarningWalletAddress());
        Assert.Equal(Account0, _wallets.Current.Consuming!.ToString());
        AssertNothingSecretStoredInTheClear(GanachePhrase.Split(' '), Account0Key);
    }

    [Fact]
    public async Task Recover_with_a_key_and_an_address_needs_no_phrase_and_a_key_beats_a_path()
    {
        _configuration.ChangePassword(null, Password);

        var reply = await AskAsync(new UiRecoverWalletsRequest(
            Password,
            new UiRecoverSeedSpec(GanachePhrase.Split(' ')),
            ConsumingDerivationPathOpt: "m/44'/60'/0'/0/7",
            ConsumingPrivateKeyOpt: Account0Key.ToLowerInvariant(),
            EarningAddressOpt: Account0.ToUpperInvariant().Replace("0X", "0x", StringComparison.Ordinal)));

        Assert.Null(reply.Error);
        Assert.Equal(Account0Key, Convert.ToHexString(_configuration.GetConsumingWalletPrivateKey(Password)!));
        Assert.Equal(Account0, _configuration.GetEarningWalletAddress());
    }

    [Fact]
    public async Task Recovering_the_same_wallets_again_is_not_a_collision_but_different_ones_are()
    {
        _configuration.ChangePassword(null, Password);
        var same = new UiRecoverWalletsRequest(Password, ConsumingPrivateKeyOpt: Account0Key, EarningAddressOpt: Account1);
        Assert.Null((await AskAsync(same)).Error);

        var again = await AskAsync(same);
        var other = await AskAsync(same with { EarningAddressOpt = Account0 });

        Assert.Null(again.Error);
        Assert.Equal(UiErrorCodes.ConfiguratorWrite, other.Error!.Code);
        Assert.Contains("Collision", other.Error.Message, StringComparison.Ordinal);
        Assert.Equal(Account1, _configuration.GetEarningWalletAddress());
    }

    public static TheoryData<UiRecoverWalletsRequest, ulong> BadRecoveries => new()
    {
        { new UiRecoverWalletsRequest(Password, ConsumingPrivateKeyOpt: Account0Key), UiErrorCodes.MissingData },
        { new UiRecoverWalletsRequest(Password, EarningAddressOpt: Account1), UiErrorCodes.MissingData },
        { new UiRecoverWalletsRequest(Password, ConsumingDerivationPathOpt: "m/44'/60'/0'/0/0", EarningAddressOpt: Account1), UiErrorCodes.MissingData },
        { new UiRecoverWalletsRequest(Password, new UiRecoverSeedSpec(GanachePhrase.Split(' ')), EarningAddressOpt: Account1), UiErrorCodes.MissingData },
        { new UiRecoverWalletsRequest(Password, new UiRecoverSeedSpec(GanachePhrase.Split(' '), "Esperanto"), "m/0", EarningAddressOpt: Account1), UiErrorCodes.UnrecognizedMnemonicLanguage },
        { new UiRecoverWalletsRequest(Password, new UiRecoverSeedSpec(GanachePhrase.Split(' ').Take(11).ToArray()), "m/0", EarningAddressOpt: Account1), UiErrorCodes.IllegalMnemonicWordCount },
        { new UiRecoverWalletsRequest(Password, new UiRecoverSeedSpec(GanachePhrase.Replace("hold", "holdx", StringComparison.Ordinal).Split(' ')), "m/0", EarningAddressOpt: Account1), UiErrorCodes.MnemonicPhrase },
        { new UiRecoverWalletsRequest(Password, new UiRecoverSeedSpec(GanachePhrase.Replace("hold", "hole", StringComparison.Ordinal).Split(' ')), "m/0", EarningAddressOpt: Account1), UiErrorCodes.MnemonicPhrase },
        { new UiRecoverWalletsRequest(Password, new UiRecoverSeedSpec(GanachePhrase.Split(' ')), "m/0/x", EarningAddressOpt: Account1), UiErrorCodes.DerivationPath },
        { new UiRecoverWalletsRequest(Password, new UiRecoverSeedSpec(GanachePhrase.Split(' ')), "m/0", EarningDerivationPathOpt: "n/1"), UiErrorCodes.DerivationPath },
        { new UiRecoverWalletsRequest(Password, ConsumingPrivateKeyOpt: "XYZ", EarningAddressOpt: Account1), UiErrorCodes.ConfiguratorWrite },
        { new UiRecoverWalletsRequest(Password, ConsumingPrivateKeyOpt: Account0Key, EarningAddressOpt: "0x1234"), UiErrorCodes.ConfiguratorWrite },
        { new UiRecoverWalletsRequest(Password, ConsumingPrivateKeyOpt: Account0Key, EarningAddressOpt: "0xg000000000000000000000000000000000000000"), UiErrorCodes.ConfiguratorWrite },
        { new UiRecoverWalletsRequest("wrong password", ConsumingPrivateKeyOpt: Account0Key, EarningAddressOpt: Account1), UiErrorCodes.BadPassword },
    };

    [Theory]
    [MemberData(nameof(BadRecoveries))]
    public async Task Recover_refuses_bad_requests_precisely_and_stores_nothing(UiRecoverWalletsRequest request, ulong code)
    {
        _configuration.ChangePassword(null, Password);

        var reply = await AskAsync(request);

        Assert.Equal(code, reply.Error!.Code);
        Assert.DoesNotContain(Account0Key, reply.Error.Message, StringComparison.OrdinalIgnoreCase);
        AssertNoWalletsStored();
        Assert.False(_wallets.Current.HasConsumingWallet);
    }

    [Fact]
    public async Task Wallet_addresses_shows_what_recover_stored()
    {
        _configuration.ChangePassword(null, Password);
        await AskAsync(new UiRecoverWalletsRequest(Password, ConsumingPrivateKeyOpt: Account0Key, EarningAddressOpt: Account1));

        var reply = await AskAsync(new UiWalletAddressesRequest(Password));

        var addresses = reply.GetPayload<UiWalletAddressesResponse>();
        Assert.Equal(Account0, addresses.ConsumingWalletAddress);
        Assert.Equal(Account1, addresses.EarningWalletAddress);
    }

    [Fact]
    public async Task A_password_given_later_loads_the_stored_consuming_wallet()
    {
        _configuration.ChangePassword(null, Password);
        _configuration.SetWallets(Convert.FromHexString(Account0Key), Account1, Password);
        Assert.False(_wallets.Current.HasConsumingWallet);

        var reply = await AskAsync(new UiChangePasswordRequest("new password", Password));

        Assert.Null(reply.Error);
        Assert.Equal(Account0, _wallets.Current.Consuming!.ToString());
    }

    private async Task<UiEnvelope> AskAsync<T>(T request)
        where T : IUiMessage
    {
        await _configurator.PostAsync(new UiRequest(1, UiEnvelope.From(request, ++_contextId)));
        var reply = await _outbound.NextReplyAsync();
        Assert.Equal(_contextId, reply.ContextId);
        return reply;
    }

    private void AssertNoWalletsStored()
    {
        Assert.Null(_configuration.GetEarningWalletAddress());
        if (_configuration.IsPasswordSet())
        {
            Assert.Null(_configuration.GetConsumingWalletPrivateKey(Password));
        }
    }

    private void AssertNothingSecretStoredInTheClear(IReadOnlyList<string> words, params string[] keys)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var bytes = File.ReadAllBytes(_database.DatabasePath);
        var wal = _database.DatabasePath + "-wal";
        var text = System.Text.Encoding.UTF8.GetString(bytes) + (File.Exists(wal) ? System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(wal)) : string.Empty);
        Assert.DoesNotContain(string.Join(' ', words.Take(3)), text, StringComparison.Ordinal);
        foreach (var key in keys)
        {
            Assert.DoesNotContain(key, text, StringComparison.OrdinalIgnoreCase);
        }
        var values = _configuration.ReadPlainValues().Values.Where(v => v is not null).ToList();
        Assert.DoesNotContain(values, v => words.Take(3).All(w => v!.Contains(w, StringComparison.Ordinal)));
    }
}
