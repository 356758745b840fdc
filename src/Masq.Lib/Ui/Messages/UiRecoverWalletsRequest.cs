namespace Masq.Lib.Ui.Messages;

public sealed record UiRecoverWalletsRequest(
    string DbPassword,
    UiRecoverSeedSpec? SeedSpecOpt = null,
    string? ConsumingDerivationPathOpt = null,
    string? ConsumingPrivateKeyOpt = null,
    string? EarningDerivationPathOpt = null,
    string? EarningAddressOpt = null) : IUiMessage
{
    public static string Opcode => Opcodes.RecoverWallets;
}
