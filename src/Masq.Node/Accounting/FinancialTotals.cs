namespace Masq.Node.Accounting;

/// <summary>
/// What has been paid on chain since this Node started (spec §2.8: not persisted): confirmed outgoing payments and
/// detected incoming ones, in wei. Written by the scanners, read by the financials answer.
/// </summary>
internal sealed class FinancialTotals
{
    private readonly Lock _gate = new();
    private Int128 _paidPayableWei;
    private Int128 _paidReceivableWei;

    public Int128 PaidPayableWei
    {
        get
        {
            lock (_gate)
            {
                return _paidPayableWei;
            }
        }
    }

    public Int128 PaidReceivableWei
    {
        get
        {
            lock (_gate)
            {
                return _paidReceivableWei;
            }
        }
    }

    public void AddPaidPayable(Int128 wei)
    {
        lock (_gate)
        {
            _paidPayableWei += wei;
        }
    }

    public void AddPaidReceivable(Int128 wei)
    {
        lock (_gate)
        {
            _paidReceivableWei += wei;
        }
    }
}
