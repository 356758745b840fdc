namespace Masq.Node.Persistence;

/// <summary>A row of the <c>config</c> table: a named setting, encrypted when <see cref="Encrypted"/> is set.</summary>
internal sealed class ConfigRow
{
    public required string Name { get; set; }

    public string? Value { get; set; }

    public bool Encrypted { get; set; }
}
