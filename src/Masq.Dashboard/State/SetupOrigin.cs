namespace Masq.Dashboard.State;

public enum SetupOrigin
{
    /// <summary>Read by the dashboard itself (an empty setup after connecting).</summary>
    Refresh,

    /// <summary>A change made from a tab of this dashboard (see <see cref="SetupSnapshot.TabId"/>).</summary>
    Tab,

    /// <summary>A <c>setup</c> broadcast: another UI client (masq, another dashboard) changed it.</summary>
    OtherClient,
}
