using NBitcoin;

namespace Masq.Node.Wallets;

/// <summary>
/// A BIP-39 mnemonic: its words (canonical forms from the language's list) and the seed they make with a passphrase.
/// Secret: never logged, never stored.
/// </summary>
internal sealed class MnemonicPhrase
{
    public static readonly IReadOnlyList<int> LegalWordCounts = [12, 15, 18, 21, 24];

    private readonly Mnemonic _mnemonic;

    private MnemonicPhrase(Mnemonic mnemonic, Bip39Language language)
    {
        _mnemonic = mnemonic;
        Language = language;
        Words = mnemonic.Words;
    }

    public Bip39Language Language { get; }

    public IReadOnlyList<string> Words { get; }

    /// <summary>A new phrase from the system's cryptographic random source.</summary>
    public static MnemonicPhrase Generate(int wordCount, Bip39Language language)
    {
        if (!LegalWordCounts.Contains(wordCount))
        {
            throw new ArgumentOutOfRangeException(nameof(wordCount), wordCount, "A mnemonic has 12, 15, 18, 21 or 24 words.");
        }

        return new MnemonicPhrase(new Mnemonic(language.Wordlist, (WordCount)wordCount), language);
    }

    /// <summary>The phrase for given entropy (16, 20, 24, 28 or 32 bytes): the BIP-39 test vectors start here.</summary>
    public static MnemonicPhrase FromEntropy(ReadOnlySpan<byte> entropy, Bip39Language language)
    {
        if (entropy.Length is not (16 or 20 or 24 or 28 or 32))
        {
            throw new ArgumentException("BIP-39 entropy is 16, 20, 24, 28 or 32 bytes.", nameof(entropy));
        }

        return new MnemonicPhrase(new Mnemonic(language.Wordlist, entropy.ToArray()), language);
    }

    /// <summary>
    /// Checks words typed by a user: the count, each word against the list (any Unicode normalisation) and the
    /// checksum. Blank entries are ignored, and an entry holding several blank-separated words is split.
    /// </summary>
    public static bool TryParse(IEnumerable<string> words, Bip39Language language, out MnemonicPhrase? phrase, out MnemonicError error, out string? badWord)
    {
        phrase = null;
        badWord = null;
        var given = words
            .SelectMany(word => word.Split([' ', '\u3000', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))
            .ToList();
        if (!LegalWordCounts.Contains(given.Count))
        {
            error = MnemonicError.IllegalWordCount;
            return false;
        }

        var canonical = new string[given.Count];
        for (var i = 0; i < given.Count; i++)
        {
            if (!language.TryIndexOf(given[i], out var index))
            {
                error = MnemonicError.UnknownWord;
                badWord = given[i];
                return false;
            }

            canonical[i] = language.Words[index];
        }

        var mnemonic = new Mnemonic(string.Join(language.Wordlist.Space, canonical), language.Wordlist);
        if (!mnemonic.IsValidChecksum)
        {
            error = MnemonicError.BadChecksum;
            return false;
        }

        error = default;
        phrase = new MnemonicPhrase(mnemonic, language);
        return true;
    }

    /// <summary>The 64-byte BIP-39 seed: PBKDF2-HMAC-SHA512 of the NFKD phrase, salt "mnemonic" + NFKD passphrase.</summary>
    public byte[] DeriveSeed(string? passphrase) => _mnemonic.DeriveSeed(passphrase ?? string.Empty);

    /// <summary>The words joined with the language's separator (an ideographic space for Japanese).</summary>
    public string ToPhraseText() => _mnemonic.ToString();

    public override string ToString() => $"{Words.Count}-word {Language.UiName} mnemonic";
}
