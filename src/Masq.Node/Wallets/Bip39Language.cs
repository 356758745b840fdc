using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text;
using NBitcoin;

namespace Masq.Node.Wallets;

/// <summary>
/// A BIP-39 word list under the name the UI uses for it ("English", "Chinese", "Traditional Chinese", "French",
/// "Italian", "Japanese", "Korean", "Spanish"). NBitcoin ships six of the lists; Italian and Korean are embedded here
/// (copied from the bitcoinjs <c>bip39</c> 3.1.0 npm package; Korean stored in NFC so phrases display as typed).
/// </summary>
internal sealed class Bip39Language
{
    private readonly FrozenDictionary<string, int> _indexByNormalizedWord;

    private Bip39Language(string uiName, Wordlist wordlist)
    {
        UiName = uiName;
        Wordlist = wordlist;
        Words = wordlist.GetWords();
        if (Words.Count != 2048)
        {
            throw new InvalidOperationException($"The {uiName} BIP-39 word list has {Words.Count} words, not 2048.");
        }

        _indexByNormalizedWord = Words.Select((word, index) => (Word: Normalize(word), Index: index))
            .ToFrozenDictionary(p => p.Word, p => p.Index, StringComparer.Ordinal);
    }

    public static Bip39Language English { get; } = new("English", Wordlist.English);

    public static Bip39Language ChineseSimplified { get; } = new("Chinese", Wordlist.ChineseSimplified);

    public static Bip39Language ChineseTraditional { get; } = new("Traditional Chinese", Wordlist.ChineseTraditional);

    public static Bip39Language French { get; } = new("French", Wordlist.French);

    public static Bip39Language Italian { get; } = new("Italian", Embedded("italian"));

    public static Bip39Language Japanese { get; } = new("Japanese", Wordlist.Japanese);

    public static Bip39Language Korean { get; } = new("Korean", Embedded("korean"));

    public static Bip39Language Spanish { get; } = new("Spanish", Wordlist.Spanish);

    public static IReadOnlyList<Bip39Language> All { get; } =
        [English, ChineseSimplified, ChineseTraditional, French, Italian, Japanese, Korean, Spanish];

    /// <summary>The name the UI protocol uses, e.g. <c>Traditional Chinese</c>.</summary>
    public string UiName { get; }

    public Wordlist Wordlist { get; }

    public IReadOnlyList<string> Words { get; }

    /// <summary>Looks a language up by its UI name, ignoring case and surrounding blanks.</summary>
    public static bool TryParse(string? uiName, out Bip39Language language)
    {
        var wanted = uiName?.Trim();
        language = English;
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.UiName, wanted, StringComparison.OrdinalIgnoreCase))
            {
                language = candidate;
                return true;
            }
        }

        return false;
    }

    /// <summary>The index of a word in this list, comparing NFKD forms (so composed and decomposed input both match).</summary>
    public bool TryIndexOf(string word, out int index) => _indexByNormalizedWord.TryGetValue(Normalize(word.Trim()), out index);

    public override string ToString() => UiName;

    private static string Normalize(string text) => text.Normalize(NormalizationForm.FormKD);

    private static Wordlist Embedded(string name)
    {
        var resource = string.Create(CultureInfo.InvariantCulture, $"Masq.Node.Wallets.Wordlists.{name}.txt");
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded word list {resource} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var words = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new Wordlist(words, ' ', name);
    }
}
