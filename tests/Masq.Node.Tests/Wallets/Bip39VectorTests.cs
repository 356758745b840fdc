using Masq.Node.Wallets;

namespace Masq.Node.Tests.Wallets;

/// <summary>
/// BIP-39 against published vectors: the Trezor English vectors (passphrase "TREZOR"), and one vector per language
/// made by an independent implementation (bitcoinjs bip39 3.1.0), with the Japanese passphrase of the bip32JP vectors
/// to exercise NFKD normalisation.
/// </summary>
public sealed class Bip39VectorTests
{
    public static TheoryData<string, string, string> Trezor => new()
    {
        { "00000000000000000000000000000000", "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about", "c55257c360c07c72029aebc1b53c05ed0362ada38ead3e3e9efa3708e53495531f09a6987599d18264c1e1c92f2cf141630c7a3c4ab7c81b2f001698e7463b04" },
        { "7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f", "legal winner thank year wave sausage worth useful legal winner thank yellow", "2e8905819b8723fe2c1d161860e5ee1830318dbf49a83bd451cfb8440c28bd6fa457fe1296106559a3c80937a1c1069be3a3a5bd381ee6260e8d9739fce1f607" },
        { "80808080808080808080808080808080", "letter advice cage absurd amount doctor acoustic avoid letter advice cage above", "d71de856f81a8acc65e6fc851a38d4d7ec216fd0796d0a6827a3ad6ed5511a30fa280f12eb2e47ed2ac03b5c462a0358d18d69fe4f985ec81778c1b370b652a8" },
        { "ffffffffffffffffffffffffffffffff", "zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo wrong", "ac27495480225222079d7be181583751e86f571027b0497b5b5d11218e0a8a13332572917f0f8e5a589620c6f15b11c61dee327651a14c34e18231052e48c069" },
        { "000000000000000000000000000000000000000000000000", "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon agent", "035895f2f481b1b0f01fcf8c289c794660b289981a78f8106447707fdd9666ca06da5a9a565181599b79f53b844d8a71dd9f439c52a3d7b3e8a79c906ac845fa" },
        { "7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f", "legal winner thank year wave sausage worth useful legal winner thank year wave sausage worth useful legal will", "f2b94508732bcbacbcc020faefecfc89feafa6649a5491b8c952cede496c214a0c7b3c392d168748f2d4a612bada0753b52a1c7ac53c1e93abd5c6320b9e95dd" },
        { "0000000000000000000000000000000000000000000000000000000000000000", "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon art", "bda85446c68413707090a52022edd26a1c9462295029f2e60cd7c4f2bbd3097170af7a4d73245cafa9c3cca8d561a7c3de6f5d4a10be8ed2a5e608d68f92fcc8" },
        { "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", "zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo vote", "dd48c104698c30cfe2b6142103248622fb7bb0ff692eebb00089b32d22484e1613912f0a5b694407be899ffd31ed3992c456cdf60f5d4564b8ba3f05a69890ad" },
        { "9e885d952ad362caeb4efe34a8e91bd2a84553e17f22d92d", "ozone drill grab fiber curtain grace pudding thank cruise elder eight pipe lounge prepare magnet tone summer hospital", "1878fb9abcbba64b82d669908b8ffe86b80752461025e0e4307b98d4579aa4ae40c84b391f01581b24b0a2257a3a4efb2f7fe64b2840a220d1d8889d9be7e782" },
        { "c0ba5a8e914111210f2bd131f3d5e08d", "scheme spot photo card baby mountain device kick cradle pact join borrow", "ea725895aaae8d4c1cf682c1bfd2d358d52ed9f0f0591131b559e2724bb234fca05aa9c02c57407e04ee9dc3b454aa63fbff483a8b11de949624b9f1831a9612" },
        { "68a79eaca2324873eacc50cb9c6eca8cc68ea5d936f98787c60c7ebc74e6ce7c", "hamster diagram private dutch cause delay private meat slide toddler razor book happy fancy gospel tennis maple dilemma loan word shrug inflict delay length", "64c87cde7e12ecf6704ab95bb1408bef047c22db4cc7491c4271d170a1b213d20b385bc1588d9c7b38f1b39d415665b8a9030c9ec653d75e65f847d8fc1fc440" },
    };

    public static TheoryData<string, string, string, string, string> Languages => new()
    {
        { "English", "00000000000000000000000000000000", "㍍ガバヴァぱばぐゞちぢ十人十色", "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about", "ba553eedefe76e67e2602dc20184c564010859faada929a090dd2c57aacb204ceefd15404ab50ef3e8dbeae5195aeae64b0def4d2eead1cdc728a33ced520ffd" },
        { "Chinese", "7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f", "TREZOR", "枪 疫 霉 尝 俩 闹 饿 贤 枪 疫 霉 尝 俩 闹 沫", "7a4b7dac5bd23ef84593f5870e5dd6874b8086cf41ce609c6bb3938e9e3efd42979d758a0f3cd896a377e8b18fc8290e92764241ec3befb524c0c75b0c43e219" },
        { "Traditional Chinese", "9e885d952ad362caeb4efe34a8e91bd2a84553e17f22d92d", "㍍ガバヴァぱばぐゞちぢ十人十色", "蒙 台 脫 紀 構 硫 漿 黴 感 僅 魚 磷 透 宮 擺 翼 陝 井", "741d83d6c2576ecd58732bf8d23725a1e53fa715340a746fc30d2feac1cc5e85c63a75dfe15baaef57e48b2f7cbb355e6ba0f99de630426d2728db2033d97782" },
        { "French", "68a79eaca2324873eacc50cb9c6eca8cc68ea5d936f98787c60c7ebc74e6ce7c", "TREZOR", "flatteur cultiver oisillon destrier brusque crainte oisillon labourer remède substrat parfumer banquier flèche enclave fémur sombre jongler damier insigne voguer rasage gomme crainte incendie", "7363c9fd3127cb683ad39697f3a7282a06f1fd1ab1ceae8e2e0d7ab2766f3b8fb29162bf46e0d6a4917a0085b763f7f6f36adfdde742b6aa4ff1973149b5d239" },
        { "Italian", "00000000000000000000000000000000", "㍍ガバヴァぱばぐゞちぢ十人十色", "abaco abaco abaco abaco abaco abaco abaco abaco abaco abaco abaco abete", "62ae233e1b6721200dda933343dfedfe2833479ea6a8c4bf451f7bc2d6cc2db7c797e4606e776782253a0d8516ec6607883f525667edb9a50c110c808873fc25" },
        { "Japanese", "7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f", "TREZOR", "そつう　れきだい　ほんやく　わかす　りくつ　ばいか　ろせん　やちん　そつう　れきだい　ほんやく　わかす　りくつ　ばいか　れんさい", "1a86c351d62dca36c5eb7a4d7bb6a77e1594529ad53da6504057d6c2b673282a7ad4fdf0d73eb19c31b53b3fdd530f0be4bb812dd3a5d028beaf8b6abf752e12" },
        { "Korean", "9e885d952ad362caeb4efe34a8e91bd2a84553e17f22d92d", "㍍ガバヴァぱばぐゞちぢ十人十色", "원고 물질 생일 부산 마요네즈 생활 일찍 큰절 동화책 반성 반드시 이놈 안개 인쇄 압력 퇴직금 축하 소질", "113a1b9c9573d34cb82c41cd780403990bb889fea6548cecc9703a21280b3bde95d91165cd44d9de32407f583ffaeaf35f13699f5a8e88cab2476a1ab487e095" },
        { "Spanish", "68a79eaca2324873eacc50cb9c6eca8cc68ea5d936f98787c60c7ebc74e6ce7c", "TREZOR", "guion culebra parcela diluir buitre crecer parcela marzo roce tejado picar azafrán guitarra exilio goloso tabla mando curar loco voto reparto insecto crecer lince", "5dd9ecc2a8f504413ee001e4f27f25ad14533a35b3986b4ad505a9774740d0c0a6bbac6953a1ee47104357f4a5bc4acbc0f71813f9532fa667f3d3b6f2d6dd6d" },
    };

    [Theory]
    [MemberData(nameof(Trezor))]
    public void English_entropy_makes_the_published_phrase_and_seed(string entropy, string mnemonic, string seed)
    {
        var phrase = MnemonicPhrase.FromEntropy(Convert.FromHexString(entropy), Bip39Language.English);

        Assert.Equal(mnemonic, phrase.ToPhraseText());
        Assert.Equal(seed, Convert.ToHexStringLower(phrase.DeriveSeed("TREZOR")));
    }

    [Theory]
    [MemberData(nameof(Trezor))]
    public void English_phrase_parses_back_with_its_checksum(string entropy, string mnemonic, string seed)
    {
        Assert.True(MnemonicPhrase.TryParse(mnemonic.Split(' '), Bip39Language.English, out var phrase, out _, out _));

        Assert.Equal(seed, Convert.ToHexStringLower(phrase!.DeriveSeed("TREZOR")));
        Assert.Equal(mnemonic, MnemonicPhrase.FromEntropy(Convert.FromHexString(entropy), Bip39Language.English).ToPhraseText());
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_ui_language_makes_the_independent_implementations_phrase_and_seed(string language, string entropy, string passphrase, string mnemonic, string seed)
    {
        Assert.True(Bip39Language.TryParse(language, out var list));

        var phrase = MnemonicPhrase.FromEntropy(Convert.FromHexString(entropy), list);
        var words = mnemonic.Split([' ', '\u3000']);

        Assert.Equal(words.Select(Nfkd), phrase.Words.Select(Nfkd));
        Assert.Equal(seed, Convert.ToHexStringLower(phrase.DeriveSeed(passphrase)));
        Assert.True(MnemonicPhrase.TryParse(words, list, out var parsed, out _, out _));
        Assert.Equal(seed, Convert.ToHexStringLower(parsed!.DeriveSeed(passphrase)));
    }

    [Fact]
    public void Composed_and_decomposed_forms_of_a_word_are_the_same_word()
    {
        // Korean words are typed composed (NFC); the reference lists store them decomposed.
        var korean = Bip39Language.Korean.Words[0];

        Assert.True(Bip39Language.Korean.TryIndexOf(korean.Normalize(System.Text.NormalizationForm.FormD), out var decomposed));
        Assert.True(Bip39Language.Korean.TryIndexOf(korean.Normalize(System.Text.NormalizationForm.FormC), out var composed));
        Assert.Equal(0, decomposed);
        Assert.Equal(0, composed);
    }

    [Theory]
    [InlineData(12)]
    [InlineData(15)]
    [InlineData(18)]
    [InlineData(21)]
    [InlineData(24)]
    public void Generated_phrases_have_the_asked_length_and_a_valid_checksum(int wordCount)
    {
        foreach (var language in Bip39Language.All)
        {
            var phrase = MnemonicPhrase.Generate(wordCount, language);

            Assert.Equal(wordCount, phrase.Words.Count);
            Assert.True(MnemonicPhrase.TryParse(phrase.Words, language, out _, out _, out _), $"{language} {wordCount}");
        }
    }

    [Fact]
    public void Two_generated_phrases_differ()
    {
        Assert.NotEqual(
            MnemonicPhrase.Generate(24, Bip39Language.English).ToPhraseText(),
            MnemonicPhrase.Generate(24, Bip39Language.English).ToPhraseText());
    }

    [Fact]
    public void A_word_outside_the_list_is_named()
    {
        var words = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandonn".Split(' ');

        Assert.False(MnemonicPhrase.TryParse(words, Bip39Language.English, out var phrase, out var error, out var badWord));

        Assert.Null(phrase);
        Assert.Equal(MnemonicError.UnknownWord, error);
        Assert.Equal("abandonn", badWord);
    }

    [Fact]
    public void A_wrong_last_word_fails_the_checksum()
    {
        var words = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon".Split(' ');

        Assert.False(MnemonicPhrase.TryParse(words, Bip39Language.English, out _, out var error, out _));

        Assert.Equal(MnemonicError.BadChecksum, error);
    }

    [Theory]
    [InlineData(11)]
    [InlineData(13)]
    [InlineData(25)]
    [InlineData(0)]
    public void Other_word_counts_are_illegal(int count)
    {
        Assert.False(MnemonicPhrase.TryParse(Enumerable.Repeat("abandon", count), Bip39Language.English, out _, out var error, out _));

        Assert.Equal(MnemonicError.IllegalWordCount, error);
    }

    [Fact]
    public void English_words_are_not_french()
    {
        var words = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about".Split(' ');

        Assert.False(MnemonicPhrase.TryParse(words, Bip39Language.French, out _, out var error, out _));

        Assert.Equal(MnemonicError.UnknownWord, error);
    }

    [Theory]
    [InlineData("English")]
    [InlineData("Chinese")]
    [InlineData("Traditional Chinese")]
    [InlineData("French")]
    [InlineData("Italian")]
    [InlineData("Japanese")]
    [InlineData("Korean")]
    [InlineData("Spanish")]
    [InlineData("korean")]
    public void The_ui_language_names_are_recognized(string name)
    {
        Assert.True(Bip39Language.TryParse(name, out var language));
        Assert.Equal(name, language.UiName, ignoreCase: true);
        Assert.Equal(2048, language.Words.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("Klingon")]
    [InlineData("Portuguese")]
    [InlineData("")]
    [InlineData(null)]
    public void Other_language_names_are_not(string? name) => Assert.False(Bip39Language.TryParse(name, out _));

    private static string Nfkd(string word) => word.Normalize(System.Text.NormalizationForm.FormKD);
}
