namespace Masq.Dashboard.Model.Dot;

internal enum DotTokenKind
{
    Id,
    QuotedId,
    LeftBrace,
    RightBrace,
    LeftBracket,
    RightBracket,
    Equals,
    Semicolon,
    Comma,
    Colon,
    EdgeOp,
    End,
}
