namespace Masq.Lib.Ui.Messages;

public sealed record UiFinancialsRequest(bool StatsRequired, UiTopRecordsConfig? TopRecordsOpt = null, UiCustomQueries? CustomQueriesOpt = null) : IUiMessage
{
    public static string Opcode => Opcodes.Financials;
}
