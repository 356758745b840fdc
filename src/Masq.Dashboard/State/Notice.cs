namespace Masq.Dashboard.State;

/// <summary>Something that happened that every open page should mention (crash, password change, undelivered…).</summary>
public sealed record Notice(long Sequence, DateTimeOffset At, NoticeKind Kind, string Text);
