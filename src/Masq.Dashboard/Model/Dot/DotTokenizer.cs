using System.Text;

namespace Masq.Dashboard.Model.Dot;

/// <summary>Splits DOT text into tokens: IDs (names, numerals, quoted strings with <c>+</c> concatenation, HTML
/// strings), punctuation and edge operators; skips comments and <c>#</c> lines.</summary>
internal sealed class DotTokenizer(string text)
{
    private int _position;

    public List<DotToken> Tokenize()
    {
        var tokens = new List<DotToken>();
        while (true)
        {
            var token = Next();
            if (token.Kind == DotTokenKind.QuotedId && tokens.Count >= 2
                && tokens[^1] is { Kind: DotTokenKind.Id, Text: "+" } && tokens[^2].Kind == DotTokenKind.QuotedId)
            {
                // "a" + "b" is one ID.
                var left = tokens[^2];
                tokens.RemoveRange(tokens.Count - 2, 2);
                tokens.Add(left with { Text = left.Text + token.Text });
                continue;
            }
            tokens.Add(token);
            if (token.Kind == DotTokenKind.End)
            {
                return tokens;
            }
        }
    }

    private DotToken Next()
    {
        SkipTrivia();
        if (_position >= text.Length)
        {
            return new DotToken(DotTokenKind.End, string.Empty, _position);
        }
        var start = _position;
        var c = text[_position];
        switch (c)
        {
            case '{': _position++; return new DotToken(DotTokenKind.LeftBrace, "{", start);
            case '}': _position++; return new DotToken(DotTokenKind.RightBrace, "}", start);
            case '[': _position++; return new DotToken(DotTokenKind.LeftBracket, "[", start);
            case ']': _position++; return new DotToken(DotTokenKind.RightBracket, "]", start);
            case '=': _position++; return new DotToken(DotTokenKind.Equals, "=", start);
            case ';': _position++; return new DotToken(DotTokenKind.Semicolon, ";", start);
            case ',': _position++; return new DotToken(DotTokenKind.Comma, ",", start);
            case ':': _position++; return new DotToken(DotTokenKind.Colon, ":", start);
            case '+': _position++; return new DotToken(DotTokenKind.Id, "+", start);
            case '"': return ReadQuoted();
            case '<': return ReadHtml();
            case '-' when _position + 1 < text.Length && text[_position + 1] is '>' or '-':
                _position += 2;
                return new DotToken(DotTokenKind.EdgeOp, text.Substring(start, 2), start);
            default:
                break;
        }
        if (c == '-' || c == '.' || char.IsAsciiDigit(c))
        {
            return ReadNumeral();
        }
        if (IsNameStart(c))
        {
            while (_position < text.Length && IsNamePart(text[_position]))
            {
                _position++;
            }
            return new DotToken(DotTokenKind.Id, text[start.._position], start);
        }
        throw new DotSyntaxException($"Unexpected character '{c}' at {start}");
    }

    private static bool IsNameStart(char c) => char.IsAsciiLetter(c) || c == '_' || c >= '\u0080';

    private static bool IsNamePart(char c) => IsNameStart(c) || char.IsAsciiDigit(c);

    private void SkipTrivia()
    {
        while (_position < text.Length)
        {
            var c = text[_position];
            if (char.IsWhiteSpace(c))
            {
                _position++;
            }
            else if (c == '/' && _position + 1 < text.Length && text[_position + 1] == '/')
            {
                SkipLine();
            }
            else if (c == '#' && (_position == 0 || text[_position - 1] is '\n' or '\r'))
            {
                SkipLine();
            }
            else if (c == '/' && _position + 1 < text.Length && text[_position + 1] == '*')
            {
                var end = text.IndexOf("*/", _position + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    throw new DotSyntaxException($"Unterminated comment at {_position}");
                }
                _position = end + 2;
            }
            else
            {
                return;
            }
        }
    }

    private void SkipLine()
    {
        while (_position < text.Length && text[_position] != '\n')
        {
            _position++;
        }
    }

    private DotToken ReadQuoted()
    {
        var start = _position;
        _position++;
        var builder = new StringBuilder();
        while (_position < text.Length)
        {
            var c = text[_position];
            if (c == '"')
            {
                _position++;
                return new DotToken(DotTokenKind.QuotedId, builder.ToString(), start);
            }
            if (c == '\\' && _position + 1 < text.Length)
            {
                var next = text[_position + 1];
                if (next == '"')
                {
                    builder.Append('"');
                    _position += 2;
                    continue;
                }
                if (next is '\n')
                {
                    // A backslash-newline continues the line.
                    _position += 2;
                    continue;
                }
                // Other escapes (\n, \l, \r, \\) belong to the label renderer: keep them as written.
                builder.Append(c).Append(next);
                _position += 2;
                continue;
            }
            builder.Append(c);
            _position++;
        }
        throw new DotSyntaxException($"Unterminated string at {start}");
    }

    private DotToken ReadHtml()
    {
        var start = _position;
        var depth = 0;
        while (_position < text.Length)
        {
            var c = text[_position++];
            if (c == '<')
            {
                depth++;
            }
            else if (c == '>' && --depth == 0)
            {
                return new DotToken(DotTokenKind.QuotedId, text[(start + 1)..(_position - 1)], start);
            }
        }
        throw new DotSyntaxException($"Unterminated HTML string at {start}");
    }

    private DotToken ReadNumeral()
    {
        var start = _position;
        if (text[_position] == '-')
        {
            _position++;
        }
        var digits = 0;
        var dot = false;
        while (_position < text.Length && (char.IsAsciiDigit(text[_position]) || (text[_position] == '.' && !dot)))
        {
            dot |= text[_position] == '.';
            digits += char.IsAsciiDigit(text[_position]) ? 1 : 0;
            _position++;
        }
        if (digits == 0)
        {
            throw new DotSyntaxException($"Expected a number at {start}");
        }
        return new DotToken(DotTokenKind.Id, text[start.._position], start);
    }
}
