using Masq.Lib.Ui.Messages;

namespace Masq.Dashboard.State;

/// <summary>One <c>logBroadcast</c>; <paramref name="Sequence"/> numbers entries in arrival order.</summary>
public sealed record LogEntry(long Sequence, DateTimeOffset At, UiLogLevel Level, string Message);
