namespace Masq.Node.Wallets;

/// <summary>Why a mnemonic phrase was refused; the Configurator maps each to its UI error code.</summary>
internal enum MnemonicError
{
    /// <summary>Not 12, 15, 18, 21 or 24 words.</summary>
    IllegalWordCount,

    /// <summary>A word that is not in the language's list.</summary>
    UnknownWord,

    /// <summary>The words are all known but their checksum bits do not match.</summary>
    BadChecksum,
}
