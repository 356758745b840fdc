using System.Text.Json.Serialization;

namespace Masq.Cli.Localnet;

/// <summary>Source-generated JSON for <c>localnet.json</c>.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(LocalnetState))]
internal sealed partial class LocalnetJsonContext : JsonSerializerContext;
