using System.Buffers;

namespace Masq.Node.Tests.Networking;

/// <summary>
/// A seeded fuzzer for the browser-side and link parsers: random bytes and mutations of valid inputs, fed whole and in
/// random pieces. The parser under test must never throw; the check returns normally or fails the test.
/// </summary>
internal static class ParserFuzz
{
    public static void Run(string target, IReadOnlyList<byte[]> seeds, int seed, Action<byte[]> check, int cases = 3000)
    {
        var random = new Random(seed);
        for (int i = 0; i < cases; i++)
        {
            byte[] input = Mutate(random, seeds[random.Next(seeds.Count)], i);
            try
            {
                check(input);
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                Assert.Fail($"{target} case {i} threw {e.GetType().Name}: {e.Message} for input {Convert.ToHexString(input.AsSpan(0, Math.Min(input.Length, 512)))}");
            }
        }
    }

    /// <summary>The same bytes as a sequence of random-sized segments, as a pipe may deliver them.</summary>
    public static ReadOnlySequence<byte> Segmented(byte[] bytes, Random random)
    {
        if (bytes.Length < 2)
        {
            return new ReadOnlySequence<byte>(bytes);
        }

        Segment? first = null;
        Segment? last = null;
        int position = 0;
        while (position < bytes.Length)
        {
            int size = Math.Min(bytes.Length - position, random.Next(1, Math.Max(2, bytes.Length / 3)));
            var memory = bytes.AsMemory(position, size);
            if (first is null)
            {
                first = last = new Segment(memory, 0);
            }
            else
            {
                last = last!.Append(memory);
            }

            position += size;
        }

        return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);
    }

    private static byte[] Mutate(Random random, byte[] seed, int index)
    {
        switch (index % 6)
        {
            case 0:
            {
                var bytes = new byte[random.Next(0, 400)];
                random.NextBytes(bytes);
                return bytes;
            }

            case 1:
                return seed[..random.Next(0, seed.Length + 1)];
            case 2:
            {
                var copy = (byte[])seed.Clone();
                for (int f = 0; f < random.Next(1, 6) && copy.Length > 0; f++)
                {
                    copy[random.Next(copy.Length)] = (byte)random.Next(256);
                }

                return copy;
            }

            case 3:
            {
                int at = random.Next(seed.Length + 1);
                var insert = new byte[random.Next(1, 20)];
                random.NextBytes(insert);
                return [.. seed.AsSpan(0, at), .. insert, .. seed.AsSpan(at)];
            }

            case 4:
            {
                if (seed.Length == 0)
                {
                    return seed;
                }

                int from = random.Next(seed.Length);
                int count = random.Next(1, seed.Length - from + 1);
                return [.. seed.AsSpan(0, from), .. seed.AsSpan(from + count)];
            }

            default:
                return [.. seed, .. seed.AsSpan(0, random.Next(seed.Length + 1))];
        }
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
