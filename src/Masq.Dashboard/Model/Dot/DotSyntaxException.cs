namespace Masq.Dashboard.Model.Dot;

/// <summary>Thrown inside the parser only; <see cref="DotParser.Parse"/> turns it into a <see cref="DotParseResult"/>.</summary>
internal sealed class DotSyntaxException : Exception
{
    public DotSyntaxException()
    {
    }

    public DotSyntaxException(string message)
        : base(message)
    {
    }

    public DotSyntaxException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
