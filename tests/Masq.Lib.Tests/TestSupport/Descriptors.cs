using System.Buffers.Text;

namespace Masq.Lib.Tests.TestSupport;

internal static class Descriptors
{
    public static byte[] Key(byte seed) => Enumerable.Range(0, 32).Select(i => (byte)(i + seed)).ToArray();

    public static string KeyText(byte seed) => Base64Url.EncodeToString(Key(seed));

    public static string Text(string chain, byte seed, string address) => $"masq://{chain}:{KeyText(seed)}@{address}";
}
