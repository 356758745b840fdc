using System.Buffers;

namespace Masq.Node.Networking;

/// <summary>
/// A sealed package on its way to a link: the first <see cref="Length"/> bytes of <see cref="Buffer"/>. A pooled
/// buffer was rented from <see cref="ArrayPool{T}.Shared"/> and belongs to whoever holds the package: the link returns
/// it once the package is masked, a sender that could not queue it returns it (<see cref="Release"/>).
/// </summary>
internal readonly record struct OutboundPackage(byte[] Buffer, int Length, bool Pooled)
{
    public static OutboundPackage Owned(byte[] package) => new(package, package.Length, Pooled: false);

    public ReadOnlySpan<byte> Span => Buffer.AsSpan(0, Length);

    /// <summary>Gives a pooled buffer back; nothing for an owned array.</summary>
    public void Release()
    {
        if (Pooled)
        {
            ArrayPool<byte>.Shared.Return(Buffer);
        }
    }
}
