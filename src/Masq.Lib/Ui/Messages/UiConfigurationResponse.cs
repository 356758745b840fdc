namespace Masq.Lib.Ui.Messages;

/// <summary>The Node's persistent configuration; secrets only with a correct password.</summary>
public sealed record UiConfigurationResponse(
    string ChainName,
    ushort ClandestinePort,
    string CurrentSchemaVersion,
    ulong GasPrice,
    string NeighborhoodMode,
    IReadOnlyList<string> PastNeighbors,
    UiPaymentThresholds PaymentThresholds,
    UiRatePack RatePack,
    UiScanIntervals ScanIntervals,
    string? BlockchainServiceUrlOpt = null,
    string? ConsumingWalletPrivateKeyOpt = null,
    string? ConsumingWalletAddressOpt = null,
    string? EarningWalletAddressOpt = null,
    ulong? MaxBlockCount = null,
    string? PortMappingProtocol = null,
    ulong? StartBlock = null) : IUiMessage
{
    public static string Opcode => Opcodes.Configuration;
}
