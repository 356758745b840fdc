namespace Masq.Lib.Ui.Messages;

public sealed record UiGenerateWalletsResponse(
    string ConsumingWalletAddress,
    string ConsumingWalletPrivateKey,
    string EarningWalletAddress,
    string EarningWalletPrivateKey,
    IReadOnlyList<string>? MnemonicPhraseOpt = null) : IUiMessage
{
    public static string Opcode => Opcodes.GenerateWallets;
}
