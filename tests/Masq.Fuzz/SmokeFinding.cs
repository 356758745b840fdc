namespace Masq.Fuzz;

/// <summary>An input that made a target throw, hang or allocate without bound.</summary>
internal sealed record SmokeFinding(string Target, byte[] Input, string Problem)
{
    public override string ToString() =>
        $"{Target}: {Problem} for input ({Input.Length} bytes) {Convert.ToHexString(Input.AsSpan(0, Math.Min(Input.Length, 256)))}";
}
