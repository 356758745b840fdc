using Masq.Lib.Configuration;

namespace Masq.Daemon.Setup;

/// <summary>One parameter of the setup space: its value (empty when Blank or Required) and status.</summary>
public sealed record SetupEntry(string Name, string Value, SetupStatus Status);
