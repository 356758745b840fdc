using Masq.Cli.Commands;
using Masq.Cli.Commands.Parsing;
using Masq.Cli.Output;
using Masq.Lib.Ui.Messages;

namespace Masq.Cli.Tests.Output;

/// <summary><c>financials --wei</c>, what <c>scan</c> prints, and where <c>wallet-addresses</c> says the wallets come from.</summary>
public sealed class WeiAndScanOutputTests
{
    private static readonly UiFinancialStatistics StatsWithWei = new(
        1_129, 0, -282, 564,
        "1129703440824", "0", "-282535728888", "564631983048");

    [Fact]
    public void Financials_in_wei_shows_the_exact_amounts_the_Node_sent()
    {
        var response = new UiFinancialsResponse(StatsWithWei, new UiQueryResults(
            [new UiPayableAccount("0x022254a0b3caa3aab929017748e7783e78115e1f", 2, 564, null, "564631983048")],
            [new UiReceivableAccount("0x84d7bfbfc0c22dd205fef5b935b99195accfc28b", 3, -282, "-282535728888")]));

        var text = FinancialsFormatter.Format(response, new FinancialsLayout(false, 10, null, null, InWei: true));

        Assert.StartsWith(
            "\n"
            + "Financial status totals in wei\n"
            + "\n"
            + "Unpaid and pending payable:       1,129,703,440,824\n"
            + "Paid payable:                     0\n"
            + "Unpaid receivable:                -282,535,728,888\n"
            + "Paid receivable:                  564,631,983,048\n",
            text,
            StringComparison.Ordinal);
        Assert.Contains("Balance [wei]", text, StringComparison.Ordinal);
        Assert.Contains("0x022254a0b3caa3aab929017748e7783e78115e1f   2         564,631,983,048", text, StringComparison.Ordinal);
        Assert.Contains("-282,535,728,888", text, StringComparison.Ordinal);
        Assert.True(FinancialsFormatter.HasWei(response));
    }

    [Fact]
    public void A_response_without_wei_is_recognised_so_the_command_can_refuse_it()
    {
        Assert.False(FinancialsFormatter.HasWei(new UiFinancialsResponse(new UiFinancialStatistics(1, 2, 3, 4))));
        Assert.False(FinancialsFormatter.HasWei(new UiFinancialsResponse(null, new UiQueryResults([new UiPayableAccount("0x1", 1, 1)], null))));
        Assert.True(FinancialsFormatter.HasWei(new UiFinancialsResponse(null, new UiQueryResults(null, null))));
    }

    [Fact]
    public void Wei_and_gwei_together_are_refused()
    {
        var message = Assert.Throws<CommandSyntaxException>(() => FinancialsCommand.Descriptor.Parse(["--wei", "--gwei"], new ParserOptions(false))).Message;

        Assert.Equal("'--gwei' and '--wei' cannot be used together", message);
    }

    [Fact]
    public void Wei_is_a_flag_of_financials()
    {
        var command = Assert.IsType<FinancialsCommand>(FinancialsCommand.Descriptor.Parse(["-w", "--top", "3"], new ParserOptions(false)));

        Assert.True(command.Layout.InWei);
        Assert.Equal("wei", command.Layout.UnitName);
    }

    [Fact]
    public void Scan_prints_the_Nodes_summary()
    {
        Assert.Equal(
            "Payables scan: Found no payables; nothing to pay",
            ScanCommand.Describe(UiScanType.Payables, new UiScanResponse("Payables scan: Found no payables; nothing to pay")));
    }

    [Fact]
    public void Scan_of_a_Node_that_sends_no_summary_still_says_it_is_done()
    {
        Assert.Equal(
            "PendingPayables scan done (the Node said no more; its log has the details).",
            ScanCommand.Describe(UiScanType.PendingPayables, new UiScanResponse()));
    }

    [Fact]
    public void Wallet_addresses_say_where_each_wallet_comes_from_when_the_Node_tells()
    {
        var text = WalletFormatter.Addresses(new UiWalletAddressesResponse("0xc0", "0xea", "derived from the key", "given at start-up"));

        Assert.Equal(
            "Your consuming wallet address: 0xc0\n"
            + "Your   earning wallet address: 0xea\n"
            + "  consuming wallet: derived from the key\n"
            + "  earning wallet:   given at start-up\n",
            text);
    }
}
