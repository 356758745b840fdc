namespace Masq.Lib.Ui.Messages;

public enum UiTopRecordsOrdering
{
    Age,
    Balance,
}
