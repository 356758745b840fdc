using Masq.Daemon.Ui;
using Masq.Lib.Blockchains;
using Masq.Lib.Ui;
using Masq.Lib.Ui.Messages;
using Masq.Node.Actors;
using Masq.Node.Persistence;
using Masq.Node.Ui;
using Masq.Node.Wallets;
using Microsoft.Extensions.Logging;

namespace Masq.Node.Accounting;

/// <summary>
/// Turns the data path's service reports into payable and receivable records (spec §2.1) and answers
/// <c>financials</c>. Reporting only enqueues; the charges are summed per wallet in memory and written in one
/// transaction per batch (at most <see cref="AccountantOptions.FlushInterval"/> later), so the database never sets
/// the pace of a stream. This Node's own wallets are never charged.
/// </summary>
internal sealed partial class AccountantActor : Actor<AccountantMessage>, IAccountant, IUiRequestHandler
{
    private static readonly string[] HandledOpcodes = [Opcodes.Financials];

    private readonly PayableDao _payables;
    private readonly ReceivableDao _receivables;
    private readonly PaymentDao _payments;
    private readonly NodeWallets _wallets;
    private readonly FinancialTotals _totals;
    private readonly AccountantOptions _options;
    private readonly IUiOutbound _outbound;
    private readonly TimeProvider _time;
    private readonly ILogger<AccountantActor> _logger;
    private readonly Dictionary<WalletAddress, Int128> _payableCharges = [];
    private readonly Dictionary<WalletAddress, Int128> _receivableCharges = [];
    private readonly HashSet<WalletAddress> _ownWalletsWarned = [];
    private readonly BlockingWorkThread _writer = new("Accountant writes");
    private ITimer? _flushTimer;
    private int _reportsInBatch;

    public AccountantActor(
        PayableDao payables,
        ReceivableDao receivables,
        PaymentDao payments,
        NodeWallets wallets,
        FinancialTotals totals,
        AccountantOptions options,
        IUiOutbound outbound,
        TimeProvider time,
        NodeFailure failure,
        ILogger<AccountantActor> logger)
        : base("ACCOUNTANT", failure, logger, capacity: 8192)
    {
        _payables = payables;
        _receivables = receivables;
        _payments = payments;
        _wallets = wallets;
        _totals = totals;
        _options = options;
        _outbound = outbound;
        _time = time;
        _logger = logger;
    }

    public IReadOnlyCollection<string> UiOpcodes => HandledOpcodes;

    /// <summary>Reports processed since start (charged or refused).</summary>
    public long ReportsHandled { get; private set; }

    public ValueTask ReportAsync(AccountingReport report, CancellationToken cancellationToken = default) =>
        PostAsync(new ChargeReport(report), cancellationToken);

    public ValueTask PostUiAsync(UiRequest request, CancellationToken cancellationToken) =>
        PostAsync(new AccountantUiRequest(request), cancellationToken);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // The data path stops first (hosted services stop in reverse order), so its last reports are in the mailbox,
        // which the base drains; then the last batch is written before the Node exits.
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await WriteChargesAsync().ConfigureAwait(false);
        LogStopped(ReportsHandled, _payableCharges.Count + _receivableCharges.Count);
    }

    public override void Dispose()
    {
        _flushTimer?.Dispose();
        _writer.Dispose();
        base.Dispose();
    }

    protected override async ValueTask HandleAsync(AccountantMessage message, CancellationToken cancellationToken)
    {
        switch (message)
        {
            case ChargeReport charge:
                if (Charge(charge.Report))
                {
                    await WriteChargesAsync().ConfigureAwait(false);
                }
                break;
            case FlushCharges:
                await WriteChargesAsync().ConfigureAwait(false);
                break;
            case AccountantUiRequest ui:
                await WriteChargesAsync().ConfigureAwait(false);
                await AnswerAsync(ui.Request).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>Adds the report's charges to the batch; true when the batch is full and is to be written now.</summary>
    private bool Charge(AccountingReport report)
    {
        ReportsHandled++;
        var wallets = _wallets.Current;
        switch (report)
        {
            case ServicesConsumed consumed:
                if (consumed.Exit is { } exitService)
                {
                    Add(_payableCharges, wallets, exitService.EarningWallet, exitService.ServiceRate, exitService.ByteRate, exitService.PayloadSize);
                }

                foreach (var relay in consumed.Routing)
                {
                    Add(_payableCharges, wallets, relay.EarningWallet, relay.ServiceRate, relay.ByteRate, relay.PayloadSize);
                }
                break;
            case RoutingServiceProvided routing:
                Add(_receivableCharges, wallets, routing.Payer, routing.ServiceRate, routing.ByteRate, routing.PayloadSize);
                break;
            case ExitServiceProvided exit:
                Add(_receivableCharges, wallets, exit.Payer, exit.ServiceRate, exit.ByteRate, exit.PayloadSize);
                break;
        }

        if (++_reportsInBatch >= _options.MaxReportsPerBatch)
        {
            return true;
        }

        _flushTimer ??= _time.CreateTimer(_ => TryPost(FlushCharges.Instance), null, _options.FlushInterval, Timeout.InfiniteTimeSpan);
        return false;
    }

    private void Add(Dictionary<WalletAddress, Int128> charges, WalletSet wallets, WalletAddress wallet, ulong serviceRate, ulong byteRate, long payloadSize)
    {
        if (wallets.IsOwn(wallet))
        {
            if (_ownWalletsWarned.Add(wallet))
            {
                LogOwnWallet(wallet.ToString());
            }
            return;
        }

        if (payloadSize < 0)
        {
            LogBadReport(wallet.ToString(), payloadSize);
            return;
        }

        var amount = ServiceCharge.Of(serviceRate, byteRate, payloadSize);
        if (amount > 0)
        {
            charges[wallet] = charges.GetValueOrDefault(wallet) + amount;
        }
    }

    /// <summary>
    /// Writes the batch on the <see cref="BlockingWorkThread"/> (the actor awaits it, so nothing else touches the
    /// batch meanwhile): payables in one transaction, then receivables in another. A failed write keeps its charges
    /// for the next attempt; one that succeeded is never written twice.
    /// </summary>
    private Task WriteChargesAsync() => _writer.RunAsync(WriteCharges);

    private void WriteCharges()
    {
        _flushTimer?.Dispose();
        _flushTimer = null;
        _reportsInBatch = 0;
        _ownWalletsWarned.Clear();
        if (!_options.WritesNow())
        {
            _payableCharges.Clear();
            _receivableCharges.Clear();
            return;
        }

        Write(_payableCharges, _payables.AddDebts, "payable");
        Write(_receivableCharges, _receivables.AddDebts, "receivable");
    }

    private void Write(Dictionary<WalletAddress, Int128> charges, Action<IReadOnlyList<WalletAmount>> store, string table)
    {
        if (charges.Count == 0)
        {
            return;
        }

        try
        {
            store(charges.Select(c => new WalletAmount(c.Key.ToString(), c.Value)).ToList());
            charges.Clear();
        }
        catch (Exception e) when (e is PersistenceException or Microsoft.Data.Sqlite.SqliteException or Microsoft.EntityFrameworkCore.DbUpdateException or OverflowException or ArgumentException)
        {
            LogWriteFailed(table, charges.Count, e.Message);
            _flushTimer ??= _time.CreateTimer(_ => TryPost(FlushCharges.Instance), null, _options.FlushInterval, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task AnswerAsync(UiRequest request)
    {
        var envelope = request.Envelope;
        if (envelope.Opcode != Opcodes.Financials || !envelope.IsConversational)
        {
            return;
        }

        if (!envelope.TryGetPayload<UiFinancialsRequest>(out var financials, out var problem))
        {
            await _outbound.SendAsync(request.ClientId, envelope.ErrorReply(UiErrorCodes.Unmarshal, problem)).ConfigureAwait(false);
            return;
        }

        if (FinancialsAnswer.Validate(financials) is { } refusal)
        {
            await _outbound.SendAsync(request.ClientId, envelope.ErrorReply(refusal.Code, refusal.Message)).ConfigureAwait(false);
            return;
        }

        UiEnvelope reply;
        try
        {
            var answer = FinancialsAnswer.Answer(financials, _payables.List(), _receivables.List(), _payments.TransactionHashes(), _totals, _time.GetUtcNow());
            reply = envelope.Reply(answer);
        }
        catch (Exception e) when (e is PersistenceException or Microsoft.Data.Sqlite.SqliteException)
        {
            LogReadFailed(e.Message);
            reply = envelope.ErrorReply(UiErrorCodes.ConfiguratorRead, $"Cannot read the financial records: {e.Message}");
        }

        await _outbound.SendAsync(request.ClientId, reply).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = AccountingEventIds.OwnWalletNotCharged, Level = LogLevel.Warning, Message = "Not charging {Wallet}: it is this Node's own wallet")]
    private partial void LogOwnWallet(string wallet);

    [LoggerMessage(EventId = AccountingEventIds.NegativePayload, Level = LogLevel.Error, Message = "Ignoring a service report for {Wallet} with a negative payload size {Size}")]
    private partial void LogBadReport(string wallet, long size);

    [LoggerMessage(EventId = AccountingEventIds.ChargesNotRecorded, Level = LogLevel.Error, Message = "Could not record {Count} {Table} charges; they are kept and retried: {Reason}")]
    private partial void LogWriteFailed(string table, int count, string reason);

    [LoggerMessage(EventId = AccountingEventIds.Stopped, Level = LogLevel.Information, Message = "Accountant stopped after {Reports} service reports; the last charges are written ({Unwritten} wallets left unwritten)")]
    private partial void LogStopped(long reports, int unwritten);

    [LoggerMessage(EventId = AccountingEventIds.RecordsUnreadable, Level = LogLevel.Error, Message = "Could not read the financial records: {Reason}")]
    private partial void LogReadFailed(string reason);
}
