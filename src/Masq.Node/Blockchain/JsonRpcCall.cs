using System.Text.Json.Nodes;

namespace Masq.Node.Blockchain;

/// <summary>One JSON-RPC call: the method and its positional parameters.</summary>
internal sealed record JsonRpcCall(string Method, JsonArray Params);
