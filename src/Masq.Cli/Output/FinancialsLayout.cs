namespace Masq.Cli.Output;

/// <summary>What the user asked <c>financials</c> for, which decides how the response is laid out.</summary>
/// <param name="InGwei">Amounts in gwei rather than MASQ.</param>
/// <param name="TopCount">The <c>--top</c> count, in top-records mode.</param>
/// <param name="PayableQuery">The custom payable query as the user wrote it (e.g. <c>0-350000 sec 0.005-9 MASQ</c>).</param>
/// <param name="ReceivableQuery">The custom receivable query as the user wrote it.</param>
/// <param name="InWei">Exact amounts in wei (from the response's <c>…WeiOpt</c> fields); wins over <paramref name="InGwei"/>.</param>
internal sealed record FinancialsLayout(bool InGwei, ushort? TopCount, string? PayableQuery, string? ReceivableQuery, bool InWei = false)
{
    public string UnitName => InWei ? "wei" : InGwei ? "gwei" : "MASQ";
}
