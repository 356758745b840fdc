using System.Buffers;

namespace Masq.Fuzz;

/// <summary>
/// Byte sequences cut into several segments, as a pipe delivers them. The cuts depend only on the input, so a crash
/// found by a coverage-guided fuzzer replays exactly.
/// </summary>
internal static class Segments
{
    /// <summary>The bytes in pieces of a size taken from the input's first byte (1 to 16 bytes, then thirds).</summary>
    public static ReadOnlySequence<byte> Split(ReadOnlyMemory<byte> bytes)
    {
        if (bytes.Length < 2)
        {
            return new ReadOnlySequence<byte>(bytes);
        }

        int size = 1 + (bytes.Span[0] % 16);
        if (bytes.Length / size > 64)
        {
            size = (bytes.Length / 3) + 1;
        }

        Segment? first = null;
        Segment? last = null;
        for (int position = 0; position < bytes.Length; position += size)
        {
            var memory = bytes.Slice(position, Math.Min(size, bytes.Length - position));
            last = last is null ? first = new Segment(memory, 0) : last.Append(memory);
        }

        return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);
    }

    /// <summary>Lengths at which a stateful parser is called again as more bytes arrive: a few growing prefixes, then all.</summary>
    public static IEnumerable<int> Arrivals(int length)
    {
        int step = Math.Max(1, length / 5);
        for (int end = step; end < length; end += step)
        {
            yield return end;
        }

        yield return length;
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
