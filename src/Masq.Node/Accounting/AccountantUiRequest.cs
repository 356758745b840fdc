using Masq.Node.Ui;

namespace Masq.Node.Accounting;

/// <summary>A UI message for the Accountant (<c>financials</c>).</summary>
internal sealed record AccountantUiRequest(UiRequest Request) : AccountantMessage;
