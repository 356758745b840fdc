using System.Text;

namespace Masq.Cli.Interactive;

/// <summary>
/// Splits an interactive line into words at whitespace; <c>'…'</c> and <c>"…"</c> group words, and the quotes are
/// dropped (quoted and unquoted text next to each other form one word; <c>""</c> is an empty word). An unclosed
/// quote is an error. Untrusted input: never throws.
/// </summary>
internal static class LineSplitter
{
    public static LineSplit Split(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        char? quote = null;
        foreach (var c in line)
        {
            if (quote is { } open)
            {
                if (c == open)
                {
                    quote = null;
                }
                else
                {
                    word.Append(c);
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }
        if (quote is { } unclosed)
        {
            return new LineSplit([], $"Unclosed quote ({unclosed}) in the command line");
        }
        if (inWord)
        {
            words.Add(word.ToString());
        }
        return new LineSplit(words, null);
    }
}
