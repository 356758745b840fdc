namespace Masq.Lib.Ui.Messages;

public sealed record UiGenerateWalletsRequest(
    string DbPassword,
    UiGenerateSeedSpec? SeedSpecOpt = null,
    string? ConsumingDerivationPathOpt = null,
    string? EarningDerivationPathOpt = null) : IUiMessage
{
    public static string Opcode => Opcodes.GenerateWallets;
}
