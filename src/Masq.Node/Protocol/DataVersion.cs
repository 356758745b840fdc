namespace Masq.Node.Protocol;

/// <summary>The version of a payload schema inside <see cref="VersionedData"/>; <c>{major, minor}</c> on the wire.</summary>
internal readonly record struct DataVersion(ushort Major, ushort Minor)
{
    /// <summary>The reference packs versions into 12 bits each.</summary>
    public const ushort MaxComponent = 4095;

    /// <summary>Every data-path payload is at 0.1.</summary>
    public static DataVersion V0_1 { get; } = new(0, 1);

    public override string ToString() => $"{Major}.{Minor}";
}
