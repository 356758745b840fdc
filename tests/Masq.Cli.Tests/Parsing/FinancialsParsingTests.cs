using Masq.Cli.Commands;
using Masq.Cli.Output;
using Masq.Cli.Tests.Fakes;
using Masq.Lib.Ui.Messages;

namespace Masq.Cli.Tests.Parsing;

public sealed class FinancialsParsingTests
{
    private static FinancialsCommand Parse(string line) => Assert.IsType<FinancialsCommand>(CommandHarness.Parse(line));

    [Fact]
    public void Plain_financials_asks_for_the_totals_only()
    {
        var command = Parse("financials");

        Assert.Equal(new UiFinancialsRequest(true, null, null), command.Request);
        Assert.Equal(new FinancialsLayout(false, null, null, null), command.Layout);
    }

    [Theory]
    [InlineData("financials --top 20 --no-stats", false, 20, UiTopRecordsOrdering.Balance, false)]
    [InlineData("financials -t 7 -o age", true, 7, UiTopRecordsOrdering.Age, false)]
    [InlineData("financials -g -t 65535 -o BALANCE -n", false, 65535, UiTopRecordsOrdering.Balance, true)]
    public void Top_records(string line, bool stats, int count, UiTopRecordsOrdering ordering, bool gwei)
    {
        var command = Parse(line);

        Assert.Equal(new UiFinancialsRequest(stats, new UiTopRecordsConfig((ushort)count, ordering), null), command.Request);
        Assert.Equal(new FinancialsLayout(gwei, (ushort)count, null, null), command.Layout);
    }

    [Fact]
    public void Custom_queries_are_converted_from_masq_to_gwei()
    {
        var command = Parse("financials -g -p \"0-350000|0.005-9.000000000\" -r \"5000-10000|0.000004000-50.003000000\" -n");

        Assert.False(command.Request.StatsRequired);
        Assert.Null(command.Request.TopRecordsOpt);
        Assert.Equal(new UiRangeQuery<ulong>(0, 350000, 5_000_000, 9_000_000_000), command.Request.CustomQueriesOpt!.PayableOpt);
        Assert.Equal(new UiRangeQuery<long>(5000, 10000, 4000, 50_003_000_000), command.Request.CustomQueriesOpt.ReceivableOpt);
        Assert.Equal(new FinancialsLayout(true, null, "0-350000 sec 0.005-9 MASQ", "5000-10000 sec 0.000004-50.003 MASQ"), command.Layout);
    }

    [Fact]
    public void A_missing_maximum_means_unlimited()
    {
        var command = Parse("financials --receivable \"05000-0010000|-050\"");

        Assert.Null(command.Request.CustomQueriesOpt!.PayableOpt);
        Assert.Equal(new UiRangeQuery<long>(5000, 10000, -50_000_000_000, long.MaxValue), command.Request.CustomQueriesOpt.ReceivableOpt);
        Assert.Equal("5000-10000 sec -50-UNLIMITED MASQ", command.Layout.ReceivableQuery);
    }

    [Fact]
    public void Negative_receivable_ranges_are_allowed()
    {
        var command = Parse("financials -r \"5000-10000|-050--040\"");

        Assert.Equal(new UiRangeQuery<long>(5000, 10000, -50_000_000_000, -40_000_000_000), command.Request.CustomQueriesOpt!.ReceivableOpt);
    }

    [Theory]
    [InlineData("financials --no-stats", "'--no-stats' needs")]
    [InlineData("financials --top 15 --payable \"5-100|600-7000\"", "'--top' cannot be used with")]
    [InlineData("financials --top 15 -r \"5-100|600-7000\"", "'--top' cannot be used with")]
    [InlineData("financials -r \"5-100|600-7000\" --ordered age", "'--ordered' can only be used with '--top'")]
    [InlineData("financials --top 0", "'--top': '0'")]
    [InlineData("financials --top 65536", "'--top': '65536'")]
    [InlineData("financials --top -3", "'--top': '-3'")]
    [InlineData("financials -t 3 -o size", "'--ordered': 'size'")]
    [InlineData("financials -p \"0-10|-5-3\"", "payable balances cannot be negative")]
    [InlineData("financials -p \"200-450|480000-15800000800045\"", "Amount bigger than the MASQ total supply: 15800000800045")]
    [InlineData("financials -x", "Unknown option '-x'")]
    [InlineData("financials -t", "'--top' needs a value")]
    public void Bad_flag_combinations_are_rejected(string line, string expected)
    {
        Assert.Contains(expected, CommandHarness.ParseError(line), StringComparison.Ordinal);
    }
}
