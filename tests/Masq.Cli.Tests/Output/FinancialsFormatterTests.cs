using Masq.Cli.Output;
using Masq.Lib.Ui.Messages;

namespace Masq.Cli.Tests.Output;

public sealed class FinancialsFormatterTests
{
    private static readonly UiFinancialStatistics Stats = new(116688555, 235555554578, 0, 665557);

    private static readonly UiQueryResults TopResults = new(
        [
            new UiPayableAccount("0xA884A2F1A5Ec6C2e499644666a5E6af97B966888", 5645405400, 68843325667),
            new UiPayableAccount("0x6DbcCaC5596b7ac986ff8F7ca06F212aEB444440", 150000, 8, "0x0290db1d56121112f4d45c1c3f36348644f6afd20b759b762f1dba9c4949066e"),
        ],
        [
            new UiReceivableAccount("0x6e250504DdfFDb986C4F0bb8Df162503B4118b05", 22000, 2444533124512),
            new UiReceivableAccount("0x8bA50675e590b545D2128905b89039256Eaa24F6", 19000, -328123256546),
        ]);

    [Fact]
    public void Totals_alone_in_masq()
    {
        var response = new UiFinancialsResponse(new UiFinancialStatistics(1_166_880_215, 78_455_555, -55_000_400, 1_278_766_555_456));

        var text = FinancialsFormatter.Format(response, new FinancialsLayout(false, null, null, null));

        Assert.Equal(
            "\n"
            + "Financial status totals in MASQ\n"
            + "\n"
            + "Unpaid and pending payable:       1.16\n"
            + "Paid payable:                     0.07\n"
            + "Unpaid receivable:                -0.05\n"
            + "Paid receivable:                  1,278.76\n",
            text);
    }

    [Fact]
    public void Totals_and_top_records_in_masq()
    {
        var text = FinancialsFormatter.Format(new UiFinancialsResponse(Stats, TopResults), new FinancialsLayout(false, 123, null, null));

        Assert.Equal(
            "\n"
            + "Financial status totals in MASQ\n"
            + "\n"
            + "Unpaid and pending payable:       0.11\n"
            + "Paid payable:                     235.55\n"
            + "Unpaid receivable:                0.00\n"
            + "Paid receivable:                  < 0.01\n"
            + "\n\n\n"
            + "Up to 123 top accounts\n"
            + "\n"
            + "Payable\n"
            + "\n"
            + "#   Wallet                                       Age [s]         Balance [MASQ]   Pending tx                                                        \n"
            + "1   0xA884A2F1A5Ec6C2e499644666a5E6af97B966888   5,645,405,400   68.84            None                                                              \n"
            + "2   0x6DbcCaC5596b7ac986ff8F7ca06F212aEB444440   150,000         < 0.01           0x0290db1d56121112f4d45c1c3f36348644f6afd20b759b762f1dba9c4949066e\n"
            + "\n\n\n"
            + "Receivable\n"
            + "\n"
            + "#   Wallet                                       Age [s]   Balance [MASQ]\n"
            + "1   0x6e250504DdfFDb986C4F0bb8Df162503B4118b05   22,000    2,444.53      \n"
            + "2   0x8bA50675e590b545D2128905b89039256Eaa24F6   19,000    -328.12       \n",
            text);
    }

    [Fact]
    public void Totals_and_top_records_in_gwei()
    {
        var text = FinancialsFormatter.Format(new UiFinancialsResponse(Stats, TopResults), new FinancialsLayout(true, 123, null, null));

        Assert.Equal(
            "\n"
            + "Financial status totals in gwei\n"
            + "\n"
            + "Unpaid and pending payable:       116,688,555\n"
            + "Paid payable:                     235,555,554,578\n"
            + "Unpaid receivable:                0\n"
            + "Paid receivable:                  665,557\n"
            + "\n\n\n"
            + "Up to 123 top accounts\n"
            + "\n"
            + "Payable\n"
            + "\n"
            + "#   Wallet                                       Age [s]         Balance [gwei]   Pending tx                                                        \n"
            + "1   0xA884A2F1A5Ec6C2e499644666a5E6af97B966888   5,645,405,400   68,843,325,667   None                                                              \n"
            + "2   0x6DbcCaC5596b7ac986ff8F7ca06F212aEB444440   150,000         8                0x0290db1d56121112f4d45c1c3f36348644f6afd20b759b762f1dba9c4949066e\n"
            + "\n\n\n"
            + "Receivable\n"
            + "\n"
            + "#   Wallet                                       Age [s]   Balance [gwei]   \n"
            + "1   0x6e250504DdfFDb986C4F0bb8Df162503B4118b05   22,000    2,444,533,124,512\n"
            + "2   0x8bA50675e590b545D2128905b89039256Eaa24F6   19,000    -328,123,256,546 \n",
            text);
    }

    [Fact]
    public void Custom_queries_with_an_empty_result()
    {
        var results = new UiQueryResults(
            [new UiPayableAccount("0x6DbcCaC5596b7ac986ff8F7ca06F212aEB444440", 150000, 8, "0x0290db1d56121112f4d45c1c3f36348644f6afd20b759b762f1dba9c4949066e")],
            null);
        var layout = new FinancialsLayout(false, null, "0-350000 sec 0.005-9 MASQ", "5000-10000 sec 0.003-5.60007 MASQ");

        var text = FinancialsFormatter.Format(new UiFinancialsResponse(Stats, results), layout);

        Assert.EndsWith(
            "Paid receivable:                  < 0.01\n"
            + "\n\n\n"
            + "Specific payable query: 0-350000 sec 0.005-9 MASQ\n"
            + "\n"
            + "#   Wallet                                       Age [s]   Balance [MASQ]   Pending tx                                                        \n"
            + "1   0x6DbcCaC5596b7ac986ff8F7ca06F212aEB444440   150,000   < 0.01           0x0290db1d56121112f4d45c1c3f36348644f6afd20b759b762f1dba9c4949066e\n"
            + "\n\n\n"
            + "Specific receivable query: 5000-10000 sec 0.003-5.60007 MASQ\n"
            + "\n"
            + "#   Wallet                                       Age [s]   Balance [MASQ]\n"
            + "\n"
            + "No records found\n",
            text);
    }

    [Fact]
    public void A_single_custom_query_without_totals_starts_with_one_blank_line()
    {
        var results = new UiQueryResults(null, [new UiReceivableAccount("0x8bA50675e590b545D2128905b89039256Eaa24F6", 19000, 5_000_000_000)]);
        var layout = new FinancialsLayout(false, null, null, "0-100 sec 1-UNLIMITED MASQ");

        var text = FinancialsFormatter.Format(new UiFinancialsResponse(null, results), layout);

        Assert.Equal(
            "\n"
            + "Specific receivable query: 0-100 sec 1-UNLIMITED MASQ\n"
            + "\n"
            + "#   Wallet                                       Age [s]   Balance [MASQ]\n"
            + "1   0x8bA50675e590b545D2128905b89039256Eaa24F6   19,000    5.00          \n",
            text);
    }

    [Fact]
    public void Top_records_with_no_accounts_say_so_for_both_lists()
    {
        var text = FinancialsFormatter.Format(new UiFinancialsResponse(null, new UiQueryResults([], null)), new FinancialsLayout(false, 5, null, null));

        Assert.Equal(
            "\n"
            + "Up to 5 top accounts\n\n"
            + "Payable\n\n"
            + "#   Wallet                                       Age [s]   Balance [MASQ]   Pending tx\n\nNo records found\n"
            + "\n\n\n"
            + "Receivable\n\n"
            + "#   Wallet                                       Age [s]   Balance [MASQ]\n\nNo records found\n",
            text);
    }

    [Fact]
    public void The_ordinal_column_widens_for_ten_or_more_rows()
    {
        var accounts = Enumerable.Range(0, 10).Select(i => new UiReceivableAccount("0x8bA50675e590b545D2128905b89039256Eaa24F6", (ulong)i, 1)).ToList();

        var text = FinancialsFormatter.Format(new UiFinancialsResponse(null, new UiQueryResults([], accounts)), new FinancialsLayout(true, 10, null, null));

        Assert.Contains("\n#    Wallet", text, StringComparison.Ordinal);
        Assert.Contains("\n10   0x8bA5", text, StringComparison.Ordinal);
        Assert.Contains("\n1    0x8bA5", text, StringComparison.Ordinal);
    }
}
