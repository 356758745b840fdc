namespace Masq.Node.Networking;

/// <summary>
/// The link layer between Nodes: how sealed CORES packages are disguised on a clandestine TCP connection and cut
/// back out of the byte stream. Pluggable so a stronger disguise can replace the JSON masquerade later; both ends of
/// a connection must use the same one.
/// </summary>
internal interface IMasquerader
{
    /// <summary>The most bytes <see cref="Mask"/> writes for <paramref name="dataLength"/> bytes of data.</summary>
    int GetMaxMaskedLength(int dataLength);

    /// <summary>Writes one frame carrying <paramref name="data"/>; returns the bytes written.</summary>
    int Mask(ReadOnlySpan<byte> data, Span<byte> destination);

    /// <summary>A per-connection reader: framers keep state between reads so a slow sender costs linear time.</summary>
    IUnmasker CreateUnmasker();
}
