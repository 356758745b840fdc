using Masq.Node.Protocol;

namespace Masq.Node.Tests.Protocol;

/// <summary>
/// A seeded, dependency-free fuzzer in the style of Garnet's per-parser targets: random inputs, then mutations of
/// valid encodings (bit flips, interesting CBOR bytes, insertions, deletions, truncations, splices, trailing
/// garbage). Every input must decode or fail with <see cref="CoresDecodeException"/>; anything else fails the test
/// with the input in hex so it can be turned into a regression case.
/// </summary>
internal static class FuzzHarness
{
    public const int DefaultCases = 5000;

    // CBOR heads that stress decoders: huge lengths, indefinite starts, breaks, tags, null, floats.
    private static readonly byte[] Interesting =
    [
        0x00, 0x01, 0x17, 0x18, 0x19, 0x1a, 0x1b, 0x1f, 0x20, 0x3b, 0x40, 0x58, 0x5b, 0x5f, 0x60, 0x7b, 0x7f,
        0x80, 0x98, 0x9b, 0x9f, 0xa0, 0xa1, 0xbb, 0xbf, 0xc0, 0xd8, 0xf4, 0xf5, 0xf6, 0xf7, 0xf9, 0xfb, 0xff,
    ];

    public static FuzzOutcome Run(string target, IReadOnlyList<byte[]> seeds, int seed, Action<ReadOnlyMemory<byte>> decode, int cases = DefaultCases)
    {
        var random = new Random(seed);
        int accepted = 0;
        int rejected = 0;
        for (int i = 0; i < cases; i++)
        {
            byte[] input = Generate(random, seeds, i);
            try
            {
                decode(input);
                accepted++;
            }
            catch (CoresDecodeException)
            {
                rejected++;
            }
            catch (Exception e)
            {
                Assert.Fail($"{target} case {i} threw {e.GetType().Name} ({e.Message}) for input {Convert.ToHexString(input)}");
            }
        }

        return new FuzzOutcome(accepted, rejected);
    }

    private static byte[] Generate(Random random, IReadOnlyList<byte[]> seeds, int index)
    {
        byte[] seed = seeds[random.Next(seeds.Count)];
        switch (index % 9)
        {
            case 0:
                return RandomBytes(random, random.Next(0, 300));
            case 1:
                return seed[..random.Next(0, seed.Length + 1)];
            case 2:
            {
                var copy = (byte[])seed.Clone();
                int flips = random.Next(1, 5);
                for (int f = 0; f < flips && copy.Length > 0; f++)
                {
                    copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
                }

                return copy;
            }

            case 3:
            {
                var copy = (byte[])seed.Clone();
                int changes = random.Next(1, 4);
                for (int c = 0; c < changes && copy.Length > 0; c++)
                {
                    copy[random.Next(copy.Length)] = Interesting[random.Next(Interesting.Length)];
                }

                return copy;
            }

            case 4:
            {
                int at = random.Next(seed.Length + 1);
                byte[] inserted = random.Next(2) == 0
                    ? RandomBytes(random, random.Next(1, 16))
                    : [Interesting[random.Next(Interesting.Length)], .. RandomBytes(random, random.Next(0, 9))];
                return [.. seed.AsSpan(0, at), .. inserted, .. seed.AsSpan(at)];
            }

            case 5:
            {
                if (seed.Length == 0)
                {
                    return seed;
                }

                int from = random.Next(seed.Length);
                int count = random.Next(1, Math.Min(32, seed.Length - from) + 1);
                return [.. seed.AsSpan(0, from), .. seed.AsSpan(from + count)];
            }

            case 6:
            {
                byte[] other = seeds[random.Next(seeds.Count)];
                return [.. seed.AsSpan(0, random.Next(seed.Length + 1)), .. other.AsSpan(random.Next(other.Length + 1))];
            }

            case 7:
                return [.. seed, .. RandomBytes(random, random.Next(1, 8))];
            default:
            {
                // Repeat a region: duplicated keys, longer arrays, nesting.
                if (seed.Length == 0)
                {
                    return seed;
                }

                int from = random.Next(seed.Length);
                int count = random.Next(1, Math.Min(64, seed.Length - from) + 1);
                return [.. seed.AsSpan(0, from + count), .. seed.AsSpan(from, count), .. seed.AsSpan(from + count)];
            }
        }
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
