namespace Masq.Lib.Ui;

/// <summary>Outcome of <see cref="UiEnvelope.Parse"/>.</summary>
public sealed record UiEnvelopeParse
{
    private UiEnvelopeParse(UiEnvelope? envelope, string? opcode, ulong? contextId, string? problem, bool critical)
    {
        Envelope = envelope;
        Opcode = opcode;
        ContextId = contextId;
        Problem = problem;
        IsCritical = critical;
    }

    /// <summary>The envelope, when it parsed.</summary>
    public UiEnvelope? Envelope { get; }

    /// <summary>For a non-critical fault: the opcode that could be read.</summary>
    public string? Opcode { get; }

    /// <summary>For a non-critical fault: the contextId that could be read, if any.</summary>
    public ulong? ContextId { get; }

    public string? Problem { get; }

    public bool IsCritical { get; }

    internal static UiEnvelopeParse Ok(UiEnvelope envelope) => new(envelope, envelope.Opcode, envelope.ContextId, null, false);

    internal static UiEnvelopeParse Critical(string problem) => new(null, null, null, problem, true);

    internal static UiEnvelopeParse NonCritical(string opcode, ulong? contextId, string problem) => new(null, opcode, contextId, problem, false);
}
