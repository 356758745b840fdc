using Masq.Lib.Configuration;

namespace Masq.Daemon.Setup;

/// <summary>A value computed for the setup space, with its status and the source it counts as for validation.</summary>
internal sealed record SetupCandidate(string Value, SetupStatus Status, ValueSource Source);
