namespace Masq.Fuzz;

/// <summary>
/// One parser of untrusted input, fed arbitrary bytes. <see cref="Execute"/> catches the parser's own typed error (the
/// only failure the parser may report); anything else escaping it is a finding, as is a hang or a huge allocation.
/// </summary>
internal abstract class FuzzTarget
{
    /// <summary>The name that selects this target on the command line and names its corpus folder.</summary>
    public abstract string Name { get; }

    /// <summary>What is under test, for <c>list</c>.</summary>
    public abstract string Description { get; }

    /// <summary>Runs the parser over <paramref name="input"/>; throws only for a finding.</summary>
    public abstract void Execute(ReadOnlySpan<byte> input);

    /// <summary>Valid and edge-case inputs made with the real encoders; <c>seed</c> writes them to the corpus.</summary>
    public abstract IEnumerable<(string Name, byte[] Bytes)> Seeds();
}
