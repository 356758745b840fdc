namespace Masq.Lib.Configuration;

/// <summary>One configuration problem: the parameter it concerns and why, in words for the user.</summary>
public sealed record ConfigurationError(string Parameter, string Reason)
{
    public override string ToString() => $"{Parameter} - {Reason}";
}
