namespace Masq.Node.Wallets;

/// <summary>A refused wallet request: the UI error code and a message that never repeats a secret.</summary>
internal sealed record WalletRequestError(ulong Code, string Message);
