namespace Masq.Node.DataPath;

internal enum SequenceAddResult
{
    Accepted,

    /// <summary>Already delivered or already waiting: a straggler or a replay.</summary>
    Duplicate,

    /// <summary>So far ahead that the packets before it are lost.</summary>
    TooFarAhead,
}
