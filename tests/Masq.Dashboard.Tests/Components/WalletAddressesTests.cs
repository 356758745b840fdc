using Bunit;
using Masq.Dashboard.Components.Controls;
using Masq.Dashboard.Tests.Fakes;

namespace Masq.Dashboard.Tests.Components;

/// <summary>The wallets the wizard shows: each address with a copy button (the consuming one is the one to fund).</summary>
public sealed class WalletAddressesTests : DashboardTestContext
{
    private const string Consuming = "0xf1b1a40ab464dbcc4544b5094331d1f90f65f730";
    private const string Earning = "0x142c614dd04854baf6fc550c321aad433d598d38";

    [Fact]
    public void Both_addresses_have_a_copy_button_that_copies_that_address()
    {
        var copied = JSInterop.SetupVoid("navigator.clipboard.writeText", _ => true);
        copied.SetVoidResult();

        var cut = Render<WalletAddresses>(p => p.Add(w => w.Consuming, Consuming).Add(w => w.Earning, Earning));

        var rows = cut.FindAll("dd");
        Assert.Equal(2, rows.Count);
        rows[0].QuerySelector("button.copy-button")!.Click();
        Assert.Equal(Consuming, Assert.Single(copied.Invocations).Arguments[0]);
        Assert.Contains("Copied", cut.FindAll("dd")[0].TextContent, StringComparison.Ordinal);
        cut.FindAll("dd")[1].QuerySelector("button.copy-button")!.Click();
        Assert.Equal(Earning, copied.Invocations.Last().Arguments[0]);
    }

    [Fact]
    public void No_wallet_has_no_copy_button()
    {
        var cut = Render<WalletAddresses>(p => p.Add(w => w.Earning, Earning));

        Assert.Contains("none", cut.FindAll("dd")[0].TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("dd")[0].QuerySelectorAll("button"));
        Assert.Single(cut.FindAll("dd")[1].QuerySelectorAll("button.copy-button"));
    }
}
