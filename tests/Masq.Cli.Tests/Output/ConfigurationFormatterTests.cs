using Masq.Cli.Output;
using Masq.Lib.Ui.Messages;

namespace Masq.Cli.Tests.Output;

public sealed class ConfigurationFormatterTests
{
    private static readonly UiPaymentThresholds Thresholds = new(11111, 1201412000, 4578, 3333, 112000, 120000);

    private static readonly UiRatePack Rates = new(99025000, 138000000, 129000000, 160000000);

    private static readonly UiScanIntervals Scans = new(150500, 155000, 250666);

    private const string Groups =
        "Payment thresholds:               \n"
        + "                                  Debt threshold:                   1,201,412,000 gwei\n"
        + "                                  Maturity threshold:               3,333 s\n"
        + "                                  Payment grace period:             4,578 s\n"
        + "                                  Permanent debt allowed:           112,000 gwei\n"
        + "                                  Threshold interval:               11,111 s\n"
        + "                                  Unban below:                      120,000 gwei\n"
        + "Rate pack:                        \n"
        + "                                  Routing byte rate:                99,025,000 wei\n"
        + "                                  Routing service rate:             138,000,000 wei\n"
        + "                                  Exit byte rate:                   129,000,000 wei\n"
        + "                                  Exit service rate:                160,000,000 wei\n"
        + "Scan intervals:                   \n"
        + "                                  Pending payable:                  150,500 s\n"
        + "                                  Payable:                          155,000 s\n"
        + "                                  Receivable:                       250,666 s\n";

    [Fact]
    public void With_secrets_every_value_is_shown()
    {
        var configuration = new UiConfigurationResponse(
            "polygon-amoy", 1234, "schema version", 2345, "standard", ["neighbor 1", "neighbor 2"], Thresholds, Rates, Scans,
            BlockchainServiceUrlOpt: "https://infura.io/ID",
            ConsumingWalletPrivateKeyOpt: "consuming wallet private key",
            ConsumingWalletAddressOpt: "consuming wallet address",
            EarningWalletAddressOpt: "earning address",
            MaxBlockCount: 100000,
            PortMappingProtocol: "PCP",
            StartBlock: 3456);

        var text = ConfigurationFormatter.Format(configuration);

        Assert.Equal(
            "NAME                              VALUE\n"
            + "Blockchain service URL:           https://infura.io/ID\n"
            + "Chain:                            polygon-amoy\n"
            + "Clandestine port:                 1234\n"
            + "Consuming wallet private key:     consuming wallet private key\n"
            + "Current schema version:           schema version\n"
            + "Earning wallet address:           earning address\n"
            + "Gas price:                        2,345\n"
            + "Max block count:                  100,000\n"
            + "Neighborhood mode:                standard\n"
            + "Port mapping protocol:            PCP\n"
            + "Start block:                      3456\n"
            + "Past neighbors:                   neighbor 1\n"
            + "                                  neighbor 2\n"
            + Groups,
            text);
        Assert.DoesNotContain("consuming wallet address", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_values_show_placeholders()
    {
        var configuration = new UiConfigurationResponse("base-mainnet", 5333, "10", 1, "zero-hop", [], Thresholds, Rates, Scans);

        var text = ConfigurationFormatter.Format(configuration);

        Assert.Equal(
            "NAME                              VALUE\n"
            + "Blockchain service URL:           [?]\n"
            + "Chain:                            base-mainnet\n"
            + "Clandestine port:                 5333\n"
            + "Consuming wallet private key:     [?]\n"
            + "Current schema version:           10\n"
            + "Earning wallet address:           [?]\n"
            + "Gas price:                        1\n"
            + "Max block count:                  [Unlimited]\n"
            + "Neighborhood mode:                zero-hop\n"
            + "Port mapping protocol:            [?]\n"
            + "Start block:                      [Latest]\n"
            + "Past neighbors:                   [?]\n"
            + Groups,
            text);
    }
}
