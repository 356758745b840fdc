using Bunit;
using Masq.Dashboard.State;
using Masq.Dashboard.Tests.Fakes;
using Masq.Lib.Configuration;
using Masq.Lib.Ui.Client;
using Masq.Lib.Ui.Messages;
using SetupPage = Masq.Dashboard.Components.Pages.Setup;

namespace Masq.Dashboard.Tests.Components;

public sealed class SetupPageTests : DashboardTestContext
{
    private static readonly UiSetupResponse Initial = SetupWith(false,
        (ParameterNames.Chain, "base-mainnet", SetupStatus.Default),
        (ParameterNames.DbPassword, "****************", SetupStatus.Set),
        (ParameterNames.ConsumingPrivateKey, "", SetupStatus.Blank),
        (ParameterNames.LogLevel, "warn", SetupStatus.Default),
        (ParameterNames.Neighbors, "", SetupStatus.Required));

    public SetupPageTests()
    {
        ConnectDaemon();
        Store.ApplySetup(Initial, SetupOrigin.Refresh);
        Backend.Setup = values => Merge(values, []);
    }

    [Fact]
    public void Shows_every_parameter_with_value_status_and_source_and_masks_secrets()
    {
        var cut = Render<SetupPage>();

        Assert.Equal(5, cut.FindAll("#setup-table tbody tr").Count);
        Assert.Contains("base-mainnet", cut.Find("#row-chain").TextContent, StringComparison.Ordinal);
        Assert.Contains("Default", cut.Find("#row-chain").TextContent, StringComparison.Ordinal);
        Assert.Contains("Required", cut.Find("#row-neighbors").TextContent, StringComparison.Ordinal);
        Assert.Contains("Set through setup", cut.Find("#row-db-password").TextContent, StringComparison.Ordinal);
        Assert.Contains("••••••••", cut.Find("#row-db-password .masked").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("****", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void The_socks_port_row_shows_its_help_text_and_can_be_set()
    {
        Store.ApplySetup(SetupWith(false, (ParameterNames.SocksPort, "0", SetupStatus.Default)), SetupOrigin.Refresh);
        var cut = Render<SetupPage>();

        Assert.Contains("SOCKS5", cut.Find("#row-socks-port").TextContent, StringComparison.Ordinal);
        cut.Find("#edit-button-socks-port").Click();
        cut.Find("#edit-socks-port").Change("1080");
        cut.Find("#save-socks-port").Click();

        var values = Backend.LastArgument<IReadOnlyList<UiSetupRequestValue>>(nameof(FakeMasqBackend.SetupAsync));
        Assert.Equal([new UiSetupRequestValue(ParameterNames.SocksPort, "1080")], values);
    }

    [Fact]
    public void Editing_a_value_sends_it_and_closes_the_editor_when_accepted()
    {
        var cut = Render<SetupPage>();

        cut.Find("#edit-button-log-level").Click();
        cut.Find("#edit-log-level").Change("info");
        cut.Find("#save-log-level").Click();

        var values = Backend.LastArgument<IReadOnlyList<UiSetupRequestValue>>(nameof(FakeMasqBackend.SetupAsync));
        Assert.Equal([new UiSetupRequestValue(ParameterNames.LogLevel, "info")], values);
        Assert.Empty(cut.FindAll("#edit-log-level"));
        Assert.Contains("info", cut.Find("#row-log-level").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rejected_value_shows_the_daemons_error_inline_and_keeps_what_was_typed()
    {
        Backend.Setup = values => Merge(values, [new UiSetupError(ParameterNames.LogLevel, "Invalid value: loud")]);
        var cut = Render<SetupPage>();

        cut.Find("#edit-button-log-level").Click();
        cut.Find("#edit-log-level").Change("loud");
        cut.Find("#save-log-level").Click();

        Assert.Equal("Invalid value: loud", cut.Find("#error-log-level").TextContent);
        Assert.Equal("loud", cut.Find("#edit-log-level").GetAttribute("value"));
        Assert.Contains("1 problem", cut.Find("#setup-errors").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_typed_secret_goes_to_the_daemon_but_never_back_to_the_browser()
    {
        var cut = Render<SetupPage>();

        cut.Find("#edit-button-db-password").Click();
        cut.Find("#edit-db-password").Change("correct horse battery staple");
        Assert.DoesNotContain("correct horse", cut.Markup, StringComparison.Ordinal);
        Assert.False(cut.Find("#edit-db-password").HasAttribute("value"));
        Assert.Equal("password", cut.Find("#edit-db-password").GetAttribute("type"));

        cut.Find("#save-db-password").Click();

        var values = Backend.LastArgument<IReadOnlyList<UiSetupRequestValue>>(nameof(FakeMasqBackend.SetupAsync));
        Assert.Equal("correct horse battery staple", values.Single().Value);
        Assert.DoesNotContain("correct horse", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Clear_sends_a_null_value()
    {
        var cut = Render<SetupPage>();

        cut.Find("#clear-db-password").Click();

        var values = Backend.LastArgument<IReadOnlyList<UiSetupRequestValue>>(nameof(FakeMasqBackend.SetupAsync));
        Assert.Equal([new UiSetupRequestValue(ParameterNames.DbPassword, null)], values);
    }

    [Fact]
    public void While_the_node_runs_nothing_can_be_changed()
    {
        Store.ApplySetup(Initial with { Running = true }, SetupOrigin.Refresh);

        var cut = Render<SetupPage>();

        Assert.Contains("The Node is running", cut.Find("#setup-running").TextContent, StringComparison.Ordinal);
        Assert.True(cut.Find("#edit-button-chain").HasAttribute("disabled"));
    }

    [Fact]
    public void A_change_from_another_client_is_announced_and_open_edits_are_kept()
    {
        var cut = Render<SetupPage>();
        cut.Find("#edit-button-log-level").Click();
        cut.Find("#edit-log-level").Change("debug");

        Store.ApplySetup(SetupWith(false, (ParameterNames.Chain, "polygon-amoy", SetupStatus.Set), (ParameterNames.LogLevel, "error", SetupStatus.Set)), SetupOrigin.OtherClient);
        Tick();

        cut.WaitForAssertion(() =>
        {
            Assert.Contains("another UI client", cut.Find("#setup-changed-elsewhere").TextContent, StringComparison.Ordinal);
            Assert.Contains("polygon-amoy", cut.Find("#row-chain").TextContent, StringComparison.Ordinal);
            Assert.Equal("debug", cut.Find("#edit-log-level").GetAttribute("value"));
            Assert.Contains("Changed elsewhere to “error”", cut.Find("#row-log-level").TextContent, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void A_change_from_another_tab_is_announced_but_not_ones_own()
    {
        var cut = Render<SetupPage>();

        cut.Find("#clear-db-password").Click();
        Tick();
        Assert.Empty(cut.FindAll("#setup-changed-elsewhere"));

        Store.ApplySetup(Initial, SetupOrigin.Tab, "some-other-tab");
        Tick();
        cut.WaitForAssertion(() => Assert.Contains("another tab", cut.Find("#setup-changed-elsewhere").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void A_lost_daemon_is_reported_and_the_edit_is_kept()
    {
        Backend.Setup = _ => throw new UiConnectionLostException("The Daemon's connection closed");
        var cut = Render<SetupPage>();

        cut.Find("#edit-button-log-level").Click();
        cut.Find("#edit-log-level").Change("trace");
        cut.Find("#save-log-level").Click();

        Assert.Contains("The Daemon is not reachable", cut.Find("#setup-call-error").TextContent, StringComparison.Ordinal);
        Assert.Equal("trace", cut.Find("#edit-log-level").GetAttribute("value"));
    }

    [Fact]
    public void Without_the_daemon_the_last_setup_is_marked_stale_and_saving_waits()
    {
        var cut = Render<SetupPage>();
        cut.Find("#edit-button-log-level").Click();
        cut.Find("#edit-log-level").Change("info");

        Store.SetDaemon(DaemonLinkStatus.Lost, "closed");
        Tick();

        cut.WaitForAssertion(() =>
        {
            Assert.NotNull(cut.Find("#setup-stale"));
            Assert.True(cut.Find("#save-log-level").HasAttribute("disabled"));
            Assert.Equal("info", cut.Find("#edit-log-level").GetAttribute("value"));
        });

        ConnectDaemon();
        Tick();
        cut.WaitForAssertion(() => Assert.False(cut.Find("#save-log-level").HasAttribute("disabled")));
    }

    private static UiSetupResponse Merge(IReadOnlyList<UiSetupRequestValue> values, IReadOnlyList<UiSetupError> errors)
    {
        var merged = Initial.Values.ToDictionary(v => v.Name);
        foreach (var value in values)
        {
            merged[value.Name] = value.Value is null
                ? new UiSetupResponseValue(value.Name, "", SetupStatus.Blank)
                : new UiSetupResponseValue(value.Name, SetupRowSecret(value.Name, value.Value), SetupStatus.Set);
        }
        return new UiSetupResponse(false, merged.Values.OrderBy(v => v.Name, StringComparer.Ordinal).ToArray(), errors);
    }

    // The Daemon censors secrets in its replies.
    private static string SetupRowSecret(string name, string value) =>
        name == ParameterNames.DbPassword ? "****************" : value;
}
