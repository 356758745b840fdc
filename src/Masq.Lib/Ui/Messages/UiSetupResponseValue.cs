using System.Text.Json.Serialization;
using Masq.Lib.Configuration;

namespace Masq.Lib.Ui.Messages;

/// <param name="Source">Where the value came from: <c>MASQ_GAS_PRICE</c>, <c>config.toml:3</c>, <c>database</c>,
/// <c>setup</c> or <c>default</c>; null for an empty value, and from a Daemon that does not say. Left out of the JSON
/// when null, so the entry keeps the reference's shape.</param>
public sealed record UiSetupResponseValue(
    string Name,
    string Value,
    SetupStatus Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Source = null);
