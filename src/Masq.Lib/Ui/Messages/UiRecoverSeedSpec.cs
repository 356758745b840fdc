namespace Masq.Lib.Ui.Messages;

public sealed record UiRecoverSeedSpec(IReadOnlyList<string> MnemonicPhrase, string? MnemonicPhraseLanguageOpt = null, string? MnemonicPassphraseOpt = null);
