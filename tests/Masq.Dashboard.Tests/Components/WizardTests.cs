using Bunit;
using Masq.Dashboard.Components.Pages;
using Masq.Dashboard.Session;
using Masq.Dashboard.State;
using Masq.Dashboard.Tests.Fakes;
using Masq.Lib.Configuration;
using Masq.Lib.Ui;
using Masq.Lib.Ui.Client;
using Masq.Lib.Ui.Messages;
using Microsoft.Extensions.DependencyInjection;

namespace Masq.Dashboard.Tests.Components;

public sealed class WizardTests : DashboardTestContext
{
    private const string Password = "s3cret-db-pw";

    public WizardTests()
    {
        ConnectDaemon();
        Store.ApplySetup(SetupWith(false, (ParameterNames.Chain, "base-mainnet", SetupStatus.Default), (ParameterNames.ProxyPort, "8118", SetupStatus.Default)), SetupOrigin.Refresh);
        Backend.Setup = _ => new UiSetupResponse(false, [], []);
        Backend.WalletAddresses = _ => throw new UiCallException(UiErrorCodes.MissingData, "No wallets");
    }

    [Fact]
    public void Zero_hop_run_from_mode_to_a_started_node()
    {
        var cut = Render<Wizard>();

        cut.Find("#mode-next").Click();
        cut.Find("#password1").Change(Password);
        cut.Find("#password2").Change("something else");
        cut.Find("#password-next").Click();
        Assert.Contains("The two passwords differ", cut.Markup, StringComparison.Ordinal);

        cut.Find("#password1").Change(Password);
        cut.Find("#password2").Change(Password);
        cut.Find("#password-next").Click();
        cut.Find("#blockchain-next").Click();
        cut.Find("#start-node").Click();

        var values = Backend.LastArgument<IReadOnlyList<UiSetupRequestValue>>(nameof(FakeMasqBackend.SetupAsync));
        Assert.Contains(new UiSetupRequestValue(ParameterNames.NeighborhoodMode, "zero-hop"), values);
        Assert.Contains(new UiSetupRequestValue(ParameterNames.DbPassword, Password), values);
        Assert.DoesNotContain(values, v => v.Name == ParameterNames.BlockchainServiceUrl);
        Assert.Equal(1, Backend.CountOf(nameof(FakeMasqBackend.StartNodeAsync)));
        Assert.NotNull(cut.Find("#step-wallets"));
        Assert.DoesNotContain(Password, cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Joining_the_network_checks_neighbors_and_needs_a_blockchain_url()
    {
        var cut = Render<Wizard>();

        cut.Find("input[value=originate-only]").Change(true);
        cut.Find("#mode-next").Click();
        Assert.Contains("needs at least one neighbor", cut.Markup, StringComparison.Ordinal);

        cut.Find("#neighbors").Change("not-a-descriptor");
        cut.Find("#mode-next").Click();
        Assert.Contains("Neighbors:", cut.Markup, StringComparison.Ordinal);

        cut.Find("#neighbors").Change("");
        cut.Find("input[value=standard]").Change(true);
        cut.Find("#chain").Change("base-sepolia");
        cut.Find("#mode-next").Click();
        cut.Find("#password1").Change(Password);
        cut.Find("#password2").Change(Password);
        cut.Find("#password-next").Click();
        cut.Find("#blockchain-next").Click();
        Assert.Contains("needs a blockchain service URL", cut.Markup, StringComparison.Ordinal);

        cut.Find("#blockchain-url").Change("https://sepolia.base.org");
        cut.Find("#blockchain-next").Click();
        cut.Find("#start-node").Click();

        var values = Backend.LastArgument<IReadOnlyList<UiSetupRequestValue>>(nameof(FakeMasqBackend.SetupAsync));
        Assert.Contains(new UiSetupRequestValue(ParameterNames.NeighborhoodMode, "standard"), values);
        Assert.Contains(new UiSetupRequestValue(ParameterNames.Chain, "base-sepolia"), values);
        Assert.Contains(new UiSetupRequestValue(ParameterNames.BlockchainServiceUrl, "https://sepolia.base.org"), values);
    }

    [Fact]
    public void Daemon_errors_are_listed_with_a_way_back_to_the_step_and_nothing_starts()
    {
        Backend.Setup = _ => new UiSetupResponse(false, [], [new UiSetupError(ParameterNames.BlockchainServiceUrl, "Invalid value: ftp://x"), new UiSetupError(ParameterNames.DnsServers, "Required")]);
        Services.GetRequiredService<WizardSession>().Step = WizardStep.Start;
        var cut = Render<Wizard>();

        cut.Find("#start-node").Click();

        var errors = cut.Find("#setup-errors");
        Assert.Contains("Invalid value: ftp://x", errors.TextContent, StringComparison.Ordinal);
        Assert.Contains("fix it on the Setup page", errors.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, Backend.CountOf(nameof(FakeMasqBackend.StartNodeAsync)));

        errors.QuerySelector("button")!.Click();
        Assert.NotNull(cut.Find("#step-blockchain"));
    }

    [Fact]
    public void A_failed_start_is_reported_and_the_wizard_stays()
    {
        Backend.Start = () => throw new UiCallException(UiErrorCodes.NodeLaunch, "Could not launch Node: Cannot execute command");
        Services.GetRequiredService<WizardSession>().Step = WizardStep.Start;
        var cut = Render<Wizard>();

        cut.Find("#start-node").Click();

        Assert.Contains("Cannot execute command", cut.Markup, StringComparison.Ordinal);
        Assert.NotNull(cut.Find("#step-start"));
    }

    [Fact]
    public void Last_step_shows_how_to_use_the_proxy_and_forgets_the_password()
    {
        Store.ApplySetup(SetupWith(false, (ParameterNames.ProxyPort, "9118", SetupStatus.Set)), SetupOrigin.Refresh);
        var session = Services.GetRequiredService<WizardSession>();
        session.SetPassword(Password);
        session.Step = WizardStep.Finish;
        var cut = Render<Wizard>();

        Assert.Equal("curl -x http://127.0.0.1:9118 http://example.com/", cut.Find("#curl-example").TextContent);

        cut.Find("#finish").Click();
        Assert.Null(session.DbPassword);
    }

    [Fact]
    public void Without_a_proxy_port_in_the_setup_the_default_is_shown()
    {
        Store.ApplySetup(SetupWith(false), SetupOrigin.Refresh);
        Services.GetRequiredService<WizardSession>().Step = WizardStep.Finish;

        var cut = Render<Wizard>();

        Assert.Contains("127.0.0.1:8118", cut.Find("#curl-example").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_daemon_the_wizard_says_so_and_keeps_the_input()
    {
        Store.SetDaemon(DaemonLinkStatus.Lost, "closed");
        var session = Services.GetRequiredService<WizardSession>();
        session.BlockchainServiceUrl = "https://mainnet.base.org";
        session.Step = WizardStep.Start;

        var cut = Render<Wizard>();

        Assert.NotNull(cut.Find("#wizard-no-daemon"));
        Assert.True(cut.Find("#start-node").HasAttribute("disabled"));
        Assert.Contains("https://mainnet.base.org", cut.Markup, StringComparison.Ordinal);
    }
}
