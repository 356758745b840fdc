using System.Text.Json;
using Masq.Dashboard.State;

namespace Masq.Dashboard.Backend;

/// <summary>
/// Reads the Node's traffic broadcast. Masq.Lib has no such message yet; this is the shape the dashboard asks for:
/// <c>{"opcode":"trafficStats","payload":{"consumed":{"bytesIn":u64,"bytesOut":u64},"routed":{…},"exit":{…}}}</c>,
/// cumulative counters since the Node started, broadcast about once a second while the Node runs. Never throws.
/// </summary>
internal static class TrafficReportReader
{
    public const string Opcode = "trafficStats";

    public static bool TryRead(string? payloadJson, out TrafficReport report)
    {
        report = null!;
        if (payloadJson is null)
        {
            return false;
        }
        try
        {
            using var document = JsonDocument.Parse(payloadJson, new JsonDocumentOptions { MaxDepth = 8 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !TryCounters(root, "consumed", out var consumed)
                || !TryCounters(root, "routed", out var routed)
                || !TryCounters(root, "exit", out var exit))
            {
                return false;
            }
            report = new TrafficReport(consumed, routed, exit);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool TryCounters(JsonElement root, string name, out TrafficCounters counters)
    {
        counters = null!;
        if (!root.TryGetProperty(name, out var element) || element.ValueKind != JsonValueKind.Object)
        {
            return false;
        }
        if (!element.TryGetProperty("bytesIn", out var bytesIn) || bytesIn.ValueKind != JsonValueKind.Number || !bytesIn.TryGetUInt64(out var inValue)
            || !element.TryGetProperty("bytesOut", out var bytesOut) || bytesOut.ValueKind != JsonValueKind.Number || !bytesOut.TryGetUInt64(out var outValue))
        {
            return false;
        }
        counters = new TrafficCounters(inValue, outValue);
        return true;
    }
}
