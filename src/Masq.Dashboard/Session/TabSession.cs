namespace Masq.Dashboard.Session;

/// <summary>One browser tab (one circuit): its identity, so a tab can tell its own setup changes from another's.</summary>
internal sealed class TabSession
{
    public string TabId { get; } = Guid.NewGuid().ToString("N")[..12];

    /// <summary>Notices up to this sequence were dismissed in this tab.</summary>
    public long DismissedNoticeSequence { get; set; }
}
