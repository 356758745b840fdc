namespace Masq.Lib.Ui.Messages;

public sealed record UiTopRecordsConfig(ushort Count, UiTopRecordsOrdering OrderedBy);
