using Bunit;
using Masq.Dashboard.Components.Controls;
using Masq.Dashboard.Session;
using Masq.Dashboard.Tests.Fakes;
using Masq.Lib.Ui;
using Masq.Lib.Ui.Client;
using Masq.Lib.Ui.Messages;
using Microsoft.Extensions.DependencyInjection;

namespace Masq.Dashboard.Tests.Components;

public sealed class WalletStepTests : DashboardTestContext
{
    private const string Password = "pw-123";
    private const string ConsumingKey = "C0FFEE0000000000000000000000000000000000000000000000000000000001";
    private const string EarningKey = "BEEF000000000000000000000000000000000000000000000000000000000002";
    private static readonly string[] Words = Enumerable.Range(1, 12).Select(i => $"word{i:00}").ToArray();

    private readonly WizardSession _session;
    private int _done;

    public WalletStepTests()
    {
        RunNode();
        _session = Services.GetRequiredService<WizardSession>();
        _session.SetPassword(Password);
        Backend.WalletAddresses = _ => throw new UiCallException(UiErrorCodes.MissingData, "No wallets");
        Backend.GenerateWallets = request => new UiGenerateWalletsResponse("0xconsuming", ConsumingKey, "0xearning", EarningKey, Words);
    }

    [Fact]
    public void Generate_shows_the_phrase_once_and_asks_for_words_back()
    {
        var cut = RenderStep();

        cut.Find("#choose-generate").Click();
        cut.Find("#word-count").Change("12");
        cut.Find("#generate").Click();

        var request = Backend.LastArgument<UiGenerateWalletsRequest>(nameof(FakeMasqBackend.GenerateWalletsAsync));
        Assert.Equal(Password, request.DbPassword);
        Assert.Equal(12, request.SeedSpecOpt!.MnemonicPhraseSizeOpt);
        Assert.Equal("m/44'/60'/0'/0/0", request.ConsumingDerivationPathOpt);
        Assert.Equal(Words, cut.FindAll("#mnemonic li").Select(li => li.TextContent));
        Assert.Contains("0xearning", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(ConsumingKey, cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(EarningKey, cut.Markup, StringComparison.Ordinal);

        cut.Find("#wrote-it-down").Click();
        Assert.Empty(cut.FindAll("#mnemonic"));
        var positions = _session.ConfirmPositions;
        Assert.Equal(3, positions.Count);

        foreach (var p in positions)
        {
            cut.Find($"#confirm-{p}").Change("wrong");
        }
        cut.Find("#confirm-words").Click();
        Assert.Contains("do not match", cut.Markup, StringComparison.Ordinal);

        foreach (var p in positions)
        {
            cut.Find($"#confirm-{p}").Change(Words[p - 1].ToUpperInvariant() + " ");
        }
        cut.Find("#confirm-words").Click();

        Assert.NotNull(cut.Find("#wallets-done"));
        Assert.Null(_session.PendingMnemonic);
        Assert.DoesNotContain("word0", cut.Markup, StringComparison.Ordinal);
        cut.Find("#wallets-continue").Click();
        Assert.Equal(1, _done);
    }

    [Fact]
    public void Recover_from_a_phrase_sends_the_words_and_paths()
    {
        Backend.RecoverWallets = _ => { };
        var recovered = false;
        Backend.WalletAddresses = _ => recovered ? new UiWalletAddressesResponse("0xc", "0xe") : throw new UiCallException(UiErrorCodes.MissingData, "none");
        Backend.RecoverWallets = _ => recovered = true;
        var cut = RenderStep();

        cut.Find("#choose-recover").Click();
        cut.Find("#recover-phrase").Change("  abandon ability able  about ");
        cut.Find("#recover").Click();

        var request = Backend.LastArgument<UiRecoverWalletsRequest>(nameof(FakeMasqBackend.RecoverWalletsAsync));
        Assert.Equal(["abandon", "ability", "able", "about"], request.SeedSpecOpt!.MnemonicPhrase);
        Assert.Equal("m/44'/60'/0'/0/0", request.ConsumingDerivationPathOpt);
        Assert.Equal("m/44'/60'/0'/0/1", request.EarningDerivationPathOpt);
        Assert.Null(request.ConsumingPrivateKeyOpt);
        Assert.NotNull(cut.Find("#wallets-done"));
        Assert.Contains("0xe", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("abandon", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Recover_with_a_key_and_an_address_and_a_bad_phrase_error()
    {
        Backend.RecoverWallets = _ => throw new UiCallException(UiErrorCodes.MnemonicPhrase, "checksum mismatch");
        var cut = RenderStep();

        cut.Find("#choose-recover").Click();
        cut.Find("#recover").Click();
        Assert.Contains("Without a recovery phrase", cut.Markup, StringComparison.Ordinal);
        Assert.Equal(0, Backend.CountOf(nameof(FakeMasqBackend.RecoverWalletsAsync)));

        cut.Find("#recover-phrase").Change("one two three");
        cut.Find("#recover").Click();

        Assert.Contains("The recovery phrase is not valid: checksum mismatch", cut.Markup, StringComparison.Ordinal);
        Assert.NotNull(cut.Find("#recover"));
    }

    [Fact]
    public void Existing_wallets_are_shown_instead_of_created()
    {
        Backend.WalletAddresses = _ => new UiWalletAddressesResponse("0xaaaa", "0xbbbb");

        var cut = RenderStep();

        Assert.NotNull(cut.Find("#wallets-existing"));
        Assert.Contains("0xbbbb", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_password_asks_for_the_right_one()
    {
        Backend.WalletAddresses = pw => pw == "right"
            ? new UiWalletAddressesResponse("0xaaaa", "0xbbbb")
            : throw new UiCallException(UiErrorCodes.BadPassword, "Bad password");

        var cut = RenderStep();
        Assert.Contains("not the database's password", cut.Markup, StringComparison.Ordinal);

        cut.Find("#wallet-password").Change("right");
        cut.Find("#use-password").Click();

        Assert.NotNull(cut.Find("#wallets-existing"));
        Assert.DoesNotContain("\"right\"", cut.Markup, StringComparison.Ordinal);
        Assert.Equal("right", _session.DbPassword);
    }

    [Fact]
    public void A_stopped_node_is_explained()
    {
        Store.NodeShutDown();

        var cut = RenderStep();

        Assert.Contains("must be running", cut.Find("#wallets-need-node").TextContent, StringComparison.Ordinal);
    }

    private IRenderedComponent<WalletStep> RenderStep() =>
        Render<WalletStep>(p => p.Add(s => s.OnDone, () => _done++));
}
