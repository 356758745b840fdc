using System.Globalization;
using System.Text;
using Masq.Lib.Ui.Messages;

namespace Masq.Cli.Output;

/// <summary>The dump <c>configuration</c> prints: <c>{label:33} value</c> lines under a <c>NAME VALUE</c> header.
/// Amounts and counts get thousands separators; a port or a block number is a name, not a quantity, and gets none.</summary>
internal static class ConfigurationFormatter
{
    private const int LabelWidth = 33;

    private const string Unknown = "[?]";

    public static string Format(UiConfigurationResponse configuration)
    {
        var text = new StringBuilder();
        Line(text, "NAME", "VALUE");
        Line(text, "Blockchain service URL:", configuration.BlockchainServiceUrlOpt ?? Unknown);
        Line(text, "Chain:", configuration.ChainName);
        Line(text, "Clandestine port:", configuration.ClandestinePort.ToString(CultureInfo.InvariantCulture));
        Line(text, "Consuming wallet private key:", configuration.ConsumingWalletPrivateKeyOpt ?? Unknown);
        Line(text, "Current schema version:", configuration.CurrentSchemaVersion);
        Line(text, "Earning wallet address:", configuration.EarningWalletAddressOpt ?? Unknown);
        Line(text, "Gas price:", NumberFormat.WithCommas(configuration.GasPrice));
        Line(text, "Max block count:", configuration.MaxBlockCount is { } max ? NumberFormat.WithCommas(max) : "[Unlimited]");
        Line(text, "Neighborhood mode:", configuration.NeighborhoodMode);
        Line(text, "Port mapping protocol:", configuration.PortMappingProtocol ?? Unknown);
        Line(text, "Start block:", configuration.StartBlock is { } start ? start.ToString(CultureInfo.InvariantCulture) : "[Latest]");
        List(text, "Past neighbors:", configuration.PastNeighbors);

        var thresholds = configuration.PaymentThresholds;
        Group(text, "Payment thresholds:",
        [
            ("Debt threshold:", thresholds.DebtThresholdGwei, "gwei"),
            ("Maturity threshold:", thresholds.MaturityThresholdSec, "s"),
            ("Payment grace period:", thresholds.PaymentGracePeriodSec, "s"),
            ("Permanent debt allowed:", thresholds.PermanentDebtAllowedGwei, "gwei"),
            ("Threshold interval:", thresholds.ThresholdIntervalSec, "s"),
            ("Unban below:", thresholds.UnbanBelowGwei, "gwei"),
        ]);
        var rates = configuration.RatePack;
        Group(text, "Rate pack:",
        [
            ("Routing byte rate:", rates.RoutingByteRate, "wei"),
            ("Routing service rate:", rates.RoutingServiceRate, "wei"),
            ("Exit byte rate:", rates.ExitByteRate, "wei"),
            ("Exit service rate:", rates.ExitServiceRate, "wei"),
        ]);
        var scans = configuration.ScanIntervals;
        Group(text, "Scan intervals:",
        [
            ("Pending payable:", scans.PendingPayableSec, "s"),
            ("Payable:", scans.PayableSec, "s"),
            ("Receivable:", scans.ReceivableSec, "s"),
        ]);
        return text.ToString();
    }

    private static void Line(StringBuilder text, string label, string value) =>
        text.Append(label.PadRight(LabelWidth)).Append(' ').Append(value).Append('\n');

    private static void List(StringBuilder text, string label, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            Line(text, label, Unknown);
            return;
        }
        for (var i = 0; i < values.Count; i++)
        {
            Line(text, i == 0 ? label : string.Empty, values[i]);
        }
    }

    private static void Group(StringBuilder text, string label, (string Description, ulong Value, string Unit)[] rows)
    {
        Line(text, label, string.Empty);
        foreach (var (description, value, unit) in rows)
        {
            Line(text, string.Empty, $"{description.PadRight(LabelWidth)} {NumberFormat.WithCommas(value)} {unit}");
        }
    }
}
