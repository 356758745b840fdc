namespace Masq.Lib.Ui.Messages;

public sealed record UiGenerateSeedSpec(int? MnemonicPhraseSizeOpt = null, string? MnemonicPhraseLanguageOpt = null, string? MnemonicPassphraseOpt = null);
