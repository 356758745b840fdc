using Masq.Cli.Interactive;

namespace Masq.Cli.Tests.Parsing;

public sealed class LineSplitterTests
{
    [Theory]
    [InlineData("", new string[0])]
    [InlineData("   \t ", new string[0])]
    [InlineData("descriptor", new[] { "descriptor" })]
    [InlineData("  setup   --log-level  debug ", new[] { "setup", "--log-level", "debug" })]
    [InlineData("financials -p \"0-350000|0.005-9\"", new[] { "financials", "-p", "0-350000|0.005-9" })]
    [InlineData("recover-wallets --mnemonic-phrase 'one two three'", new[] { "recover-wallets", "--mnemonic-phrase", "one two three" })]
    [InlineData("a \"it's\" 'say \"hi\"'", new[] { "a", "it's", "say \"hi\"" })]
    [InlineData("pre\"fix suf\"fix", new[] { "prefix suffix" })]
    [InlineData("set-password \"\"", new[] { "set-password", "" })]
    public void Splits_on_whitespace_and_groups_quoted_words(string line, string[] expected)
    {
        var split = LineSplitter.Split(line);

        Assert.True(split.IsValid);
        Assert.Equal(expected, split.Words);
    }

    [Theory]
    [InlineData("exit-location --country-codes \"CZ|SK")]
    [InlineData("crash 'Accountant")]
    public void An_unclosed_quote_is_an_error(string line)
    {
        var split = LineSplitter.Split(line);

        Assert.False(split.IsValid);
        Assert.Contains("Unclosed quote", split.Error, StringComparison.Ordinal);
        Assert.Empty(split.Words);
    }

    [Fact]
    public void Random_lines_split_into_words_that_rejoin_to_the_unquoted_text()
    {
        var random = new Random(42);
        const string alphabet = "ab '\"\t|-";
        for (var i = 0; i < 20000; i++)
        {
            var line = new string(Enumerable.Range(0, random.Next(0, 24)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());

            var split = LineSplitter.Split(line);

            if (split.IsValid)
            {
                // No word of an unquoted line contains whitespace; every non-quote, non-space character survives.
                var expectedLetters = line.Count(c => c is 'a' or 'b' or '|' or '-');
                Assert.Equal(expectedLetters, split.Words.Sum(w => w.Count(c => c is 'a' or 'b' or '|' or '-')));
            }
            else
            {
                Assert.NotNull(split.Error);
            }
        }
    }
}
