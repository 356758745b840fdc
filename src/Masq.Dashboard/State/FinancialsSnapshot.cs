using Masq.Lib.Ui.Messages;

namespace Masq.Dashboard.State;

/// <summary>The latest answer to the dashboard's periodic <c>financials</c> query (totals and top records);
/// <paramref name="At"/> is when the Node last reported something different.</summary>
public sealed record FinancialsSnapshot(UiFinancialsResponse Response, UiTopRecordsConfig TopRecords, DateTimeOffset At);
