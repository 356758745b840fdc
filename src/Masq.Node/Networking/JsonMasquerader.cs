using System.Buffers.Text;
using Masq.Node.Protocol;

namespace Masq.Node.Networking;

/// <summary>
/// The reference's JSON masquerade (data-path.md §3): each package travels as <c>{"bodyData":"&lt;standard padded
/// base64&gt;"}</c>, objects back to back with no separator. We always write <c>bodyData</c>; the reader also takes
/// <c>{"bodyText":"…"}</c>, which the reference writes when the bytes happen to be valid UTF-8.
/// </summary>
internal sealed class JsonMasquerader : IMasquerader
{
    /// <summary>
    /// No honest frame is larger: a package is at most <see cref="CoresLimits.MaxPackageLength"/> bytes, which base64
    /// grows by a third (bodyText escapes by more in theory; twice the package is plenty in practice). A peer that
    /// streams more without closing its object is cut off rather than buffered.
    /// </summary>
    public const int MaxFrameLength = (2 * CoresLimits.MaxPackageLength) + 1024;

    private static ReadOnlySpan<byte> Prefix => "{\"bodyData\":\""u8;

    private static ReadOnlySpan<byte> Suffix => "\"}"u8;

    public int GetMaxMaskedLength(int dataLength) => Prefix.Length + Base64.GetMaxEncodedToUtf8Length(dataLength) + Suffix.Length;

    public int Mask(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        Prefix.CopyTo(destination);
        Base64.EncodeToUtf8(data, destination[Prefix.Length..], out _, out int written);
        int position = Prefix.Length + written;
        Suffix.CopyTo(destination[position..]);
        return position + Suffix.Length;
    }

    public IUnmasker CreateUnmasker() => new JsonUnmasker(MaxFrameLength);
}
