namespace Masq.Dashboard.Model.Dot;

internal readonly record struct DotToken(DotTokenKind Kind, string Text, int Position)
{
    public bool IsId => Kind is DotTokenKind.Id or DotTokenKind.QuotedId;

    public bool IsKeyword(string keyword) => Kind == DotTokenKind.Id && Text.Equals(keyword, StringComparison.OrdinalIgnoreCase);
}
