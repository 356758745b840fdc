namespace Masq.Lib.Ui.Messages;

public sealed record UiFinancialsResponse(UiFinancialStatistics? StatsOpt = null, UiQueryResults? QueryResultsOpt = null) : IUiMessage
{
    public static string Opcode => Opcodes.Financials;
}
