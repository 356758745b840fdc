using Masq.Lib.Blockchains;
using Masq.Lib.Neighborhood;
using Masq.Lib.Tests.TestSupport;

namespace Masq.Lib.Tests.Neighborhood;

/// <summary>Random and mutated descriptors (fixed seeds): a result or an error message, never an exception.</summary>
public sealed class NodeDescriptorFuzzTests
{
    private const string Alphabet = "masq://:@./-_0123456789abcdefABCDEFxyzXYZ+= \t%[]é😀";

    [Fact]
    public void Random_text_never_throws_and_every_success_round_trips()
    {
        var random = new Random(20240601);
        var successes = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var text = i % 2 == 0 ? RandomText(random) : Mutate(random, ValidDescriptor(random));
            var ok = NodeDescriptor.TryParse(text, out var descriptor, out var error);
            Assert.True(ok ^ (error is not null), text);
            if (ok)
            {
                successes++;
                Assert.True(NodeDescriptor.TryParse(descriptor!.ToString(), out var again, out _), text);
                Assert.Equal(descriptor, again);
            }
        }

        Assert.True(successes > 100, $"only {successes} mutated descriptors parsed; the generator is too destructive");
    }

    [Fact]
    public void Random_node_addresses_never_throw_and_round_trip()
    {
        var random = new Random(7);
        for (var i = 0; i < 20_000; i++)
        {
            var text = i % 2 == 0 ? RandomText(random) : Mutate(random, $"{random.Next(256)}.{random.Next(256)}.{random.Next(256)}.{random.Next(256)}:{random.Next(1025, 65536)}/{random.Next(1025, 65536)}");
            if (NodeAddr.TryParse(text, out var addr, out var error))
            {
                Assert.Null(error);
                Assert.True(NodeAddr.TryParse(addr.ToString(), out var again, out _));
                Assert.Equal(addr, again);
            }
            else
            {
                Assert.False(string.IsNullOrEmpty(error));
            }
        }
    }

    private static string ValidDescriptor(Random random)
    {
        var chain = Chain.All[random.Next(Chain.All.Count)].Id;
        var address = random.Next(4) == 0 ? ":" : $"{random.Next(256)}.{random.Next(256)}.{random.Next(256)}.{random.Next(256)}:{random.Next(1025, 65536)}";
        return Descriptors.Text(chain, (byte)random.Next(256), address);
    }

    private static string RandomText(Random random)
    {
        var length = random.Next(0, 80);
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = Alphabet[random.Next(Alphabet.Length)];
        }

        return new string(chars);
    }

    private static string Mutate(Random random, string text)
    {
        var chars = text.ToList();
        var edits = random.Next(0, 3);
        for (var e = 0; e < edits && chars.Count > 0; e++)
        {
            var at = random.Next(chars.Count);
            switch (random.Next(3))
            {
                case 0:
                    chars.RemoveAt(at);
                    break;
                case 1:
                    chars.Insert(at, Alphabet[random.Next(Alphabet.Length)]);
                    break;
                default:
                    chars[at] = Alphabet[random.Next(Alphabet.Length)];
                    break;
            }
        }

        return new string(chars.ToArray());
    }
}
