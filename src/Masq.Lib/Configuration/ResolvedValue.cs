namespace Masq.Lib.Configuration;

/// <summary>A parameter value and the source it won from.</summary>
public sealed record ResolvedValue(string Value, ValueSource Source)
{
    /// <summary>Whether the user gave it (any source other than a default or the database).</summary>
    public bool IsGiven => Source is not (ValueSource.Default or ValueSource.Database);
}
