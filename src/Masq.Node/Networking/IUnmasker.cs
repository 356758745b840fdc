using System.Buffers;

namespace Masq.Node.Networking;

/// <summary>Cuts masked frames out of one connection's byte stream. Never throws for bad input.</summary>
internal interface IUnmasker
{
    /// <summary>
    /// Looks for one whole frame at the start of <paramref name="input"/>. On <see cref="UnmaskStatus.Frame"/> the
    /// frame's data is in <paramref name="output"/> and <paramref name="consumed"/> is the frame's length; on
    /// <see cref="UnmaskStatus.Incomplete"/> nothing is consumed and the caller reads more; on
    /// <see cref="UnmaskStatus.Malformed"/> the stream cannot be trusted any more.
    /// </summary>
    UnmaskStatus TryUnmask(in ReadOnlySequence<byte> input, IBufferWriter<byte> output, out long consumed);
}
