using Masq.Lib.Configuration;

namespace Masq.Daemon.Setup;

/// <summary>One parameter of the setup space: its value (empty when Blank or Required) and status.</summary>
/// <param name="Source">Where the value came from (<c>setup</c>, <c>MASQ_GAS_PRICE</c>, <c>config.toml:3</c>,
/// <c>database</c>, <c>default</c>); null when there is no value.</param>
public sealed record SetupEntry(string Name, string Value, SetupStatus Status, string? Source = null);
