using System.Text.Json;

namespace Masq.Node.Blockchain;

/// <summary>One JSON-RPC answer: a result, or an error with its code and message.</summary>
internal sealed record JsonRpcReply(JsonElement Result, long? ErrorCode, string? ErrorMessage)
{
    public bool IsError => ErrorMessage is not null;
}
