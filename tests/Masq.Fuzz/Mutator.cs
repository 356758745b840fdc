namespace Masq.Fuzz;

/// <summary>
/// Seeded, dumb mutations of corpus inputs for the smoke mode (the coverage-guided fuzzer does better on long runs):
/// bit flips, interesting bytes (CBOR heads, JSON/HTTP/TOML punctuation), insertions, deletions, truncations,
/// splices, repeated regions and maximal length fields.
/// </summary>
internal sealed class Mutator(int seed)
{
    private static readonly byte[] Interesting =
    [
        0x00, 0x01, 0x17, 0x18, 0x19, 0x1a, 0x1b, 0x1f, 0x20, 0x3b, 0x40, 0x58, 0x5b, 0x5f, 0x60, 0x7b, 0x7f,
        0x80, 0x98, 0x9b, 0x9f, 0xa0, 0xa1, 0xbb, 0xbf, 0xc0, 0xd8, 0xf4, 0xf5, 0xf6, 0xf7, 0xf9, 0xfb, 0xff,
        (byte)'{', (byte)'}', (byte)'[', (byte)']', (byte)'"', (byte)'\'', (byte)'\\', (byte)'\r', (byte)'\n',
        (byte)':', (byte)'@', (byte)'/', (byte)';', (byte)'=', (byte)'.', (byte)'#', (byte)'0', (byte)'9', (byte)'f',
    ];

    private readonly Random _random = new(seed);

    public byte[] Next(IReadOnlyList<byte[]> corpus)
    {
        byte[] input = corpus[_random.Next(corpus.Count)];
        int rounds = _random.Next(4) == 0 ? _random.Next(2, 6) : 1;
        for (int r = 0; r < rounds; r++)
        {
            input = MutateOnce(input, corpus);
        }

        return input;
    }

    private byte[] MutateOnce(byte[] input, IReadOnlyList<byte[]> corpus)
    {
        switch (_random.Next(11))
        {
            case 0:
                return RandomBytes(_random.Next(0, 300));
            case 1:
                return input[.._random.Next(0, input.Length + 1)];
            case 2:
            {
                var copy = (byte[])input.Clone();
                for (int f = _random.Next(1, 5); f > 0 && copy.Length > 0; f--)
                {
                    copy[_random.Next(copy.Length)] ^= (byte)(1 << _random.Next(8));
                }

                return copy;
            }

            case 3:
            {
                var copy = (byte[])input.Clone();
                for (int c = _random.Next(1, 4); c > 0 && copy.Length > 0; c--)
                {
                    copy[_random.Next(copy.Length)] = Interesting[_random.Next(Interesting.Length)];
                }

                return copy;
            }

            case 4:
            {
                int at = _random.Next(input.Length + 1);
                byte[] inserted = _random.Next(2) == 0
                    ? RandomBytes(_random.Next(1, 16))
                    : [Interesting[_random.Next(Interesting.Length)], .. RandomBytes(_random.Next(0, 9))];
                return [.. input.AsSpan(0, at), .. inserted, .. input.AsSpan(at)];
            }

            case 5:
            {
                if (input.Length == 0)
                {
                    return input;
                }

                int from = _random.Next(input.Length);
                int count = _random.Next(1, Math.Min(32, input.Length - from) + 1);
                return [.. input.AsSpan(0, from), .. input.AsSpan(from + count)];
            }

            case 6:
            {
                byte[] other = corpus[_random.Next(corpus.Count)];
                return [.. input.AsSpan(0, _random.Next(input.Length + 1)), .. other.AsSpan(_random.Next(other.Length + 1))];
            }

            case 7:
                return [.. input, .. RandomBytes(_random.Next(1, 8))];
            case 8:
            {
                // Maximal length or count fields: 0xff runs and 4- or 8-byte big numbers.
                var copy = (byte[])input.Clone();
                int run = _random.Next(1, 9);
                if (copy.Length >= run)
                {
                    copy.AsSpan(_random.Next(copy.Length - run + 1), run).Fill(_random.Next(2) == 0 ? (byte)0xff : (byte)0x7f);
                }

                return copy;
            }

            case 9:
            {
                // Many copies of one byte: deep nesting, long lines, long numbers.
                int at = _random.Next(input.Length + 1);
                byte b = input.Length > 0 && _random.Next(2) == 0 ? input[_random.Next(input.Length)] : Interesting[_random.Next(Interesting.Length)];
                var run = new byte[_random.Next(16, 2048)];
                run.AsSpan().Fill(b);
                return [.. input.AsSpan(0, at), .. run, .. input.AsSpan(at)];
            }

            default:
            {
                if (input.Length == 0)
                {
                    return input;
                }

                int from = _random.Next(input.Length);
                int count = _random.Next(1, Math.Min(64, input.Length - from) + 1);
                return [.. input.AsSpan(0, from + count), .. input.AsSpan(from, count), .. input.AsSpan(from + count)];
            }
        }
    }

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }
}
