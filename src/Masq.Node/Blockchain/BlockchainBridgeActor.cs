using System.Collections.Concurrent;
using Masq.Daemon.Ui;
using Masq.Lib.Configuration;
using Masq.Lib.Ui;
using Masq.Lib.Ui.Messages;
using Masq.Node.Actors;
using Masq.Node.Persistence;
using Masq.Node.Ui;
using Microsoft.Extensions.Logging;

namespace Masq.Node.Blockchain;

/// <summary>
/// Talks to the blockchain service and runs the payment scans one at a time (spec §2.5): on their schedule once
/// started, and for the UI <c>scan</c> message. A failed scan changes nothing it had not finished, is logged as a
/// warning (so UIs see it as a <c>logBroadcast</c>), answers a UI request with SCAN_ERROR, and is retried at its
/// next interval; the data path never waits for it.
/// </summary>
internal sealed partial class BlockchainBridgeActor : Actor<BridgeMessage>, IUiRequestHandler, IScanStarter
{
    private static readonly string[] HandledOpcodes = [Opcodes.Scan];

    private readonly PayableScanner _payables;
    private readonly PendingPayableScanner _pendingPayables;
    private readonly ReceivableScanner _receivables;
    private readonly NodeSettings _settings;
    private readonly IUiOutbound _outbound;
    private readonly TimeProvider _time;
    private readonly ILogger<BlockchainBridgeActor> _logger;
    private readonly ConcurrentDictionary<UiScanType, byte> _scheduledWaiting = new();
    private readonly List<ITimer> _timers = [];
    private bool _started;
    private int _scansRun;

    public BlockchainBridgeActor(
        PayableScanner payables,
        PendingPayableScanner pendingPayables,
        ReceivableScanner receivables,
        NodeSettings settings,
        IUiOutbound outbound,
        TimeProvider time,
        NodeFailure failure,
        ILogger<BlockchainBridgeActor> logger)
        : base("BLOCKCHAINBRIDGE", failure, logger)
    {
        _payables = payables;
        _pendingPayables = pendingPayables;
        _receivables = receivables;
        _settings = settings;
        _outbound = outbound;
        _time = time;
        _logger = logger;
    }

    public IReadOnlyCollection<string> UiOpcodes => HandledOpcodes;

    /// <summary>Scans finished since start, successful or not (for tests and diagnostics).</summary>
    public int ScansRun => Volatile.Read(ref _scansRun);

    public void StartScans() => TryPost(StartScansMessage.Instance);

    public ValueTask PostUiAsync(UiRequest request, CancellationToken cancellationToken)
    {
        if (!request.Envelope.TryGetPayload<UiScanRequest>(out var scan, out var problem))
        {
            return request.Envelope.IsConversational
                ? new ValueTask(_outbound.SendAsync(request.ClientId, request.Envelope.ErrorReply(UiErrorCodes.Unmarshal, problem)))
                : ValueTask.CompletedTask;
        }

        return PostAsync(new ScanRequested(scan.ScanType, request), cancellationToken);
    }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (_settings.NeighborhoodMode == NeighborhoodMode.ZeroHop && _settings.BlockchainServiceUrl is not null)
        {
            // A zero-hop Node never finds a route; it still follows its payments.
            StartScans();
        }

        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        foreach (var timer in _timers)
        {
            timer.Dispose();
        }

        base.Dispose();
    }

    protected override async ValueTask HandleAsync(BridgeMessage message, CancellationToken cancellationToken)
    {
        switch (message)
        {
            case StartScansMessage:
                Start();
                break;
            case ScanRequested scan:
                if (scan.Request is null)
                {
                    _scheduledWaiting.TryRemove(scan.Type, out _);
                }

                await RunAsync(scan, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private void Start()
    {
        if (_started)
        {
            return;
        }

        if (!_settings.ScansEnabled)
        {
            LogScansOff();
            return;
        }

        _started = true;
        var intervals = _settings.ScanIntervals;
        foreach (var (type, interval) in new[] { (UiScanType.PendingPayables, intervals.PendingPayable), (UiScanType.Payables, intervals.Payable), (UiScanType.Receivables, intervals.Receivable) })
        {
            Schedule(type);
            _timers.Add(_time.CreateTimer(_ => Schedule(type), null, interval, interval));
        }

        LogScansStarted(intervals.ToString());
    }

    private void Schedule(UiScanType type)
    {
        // A scheduled scan still waiting in the mailbox is not queued twice.
        if (_scheduledWaiting.TryAdd(type, 0) && !TryPost(new ScanRequested(type, null)))
        {
            _scheduledWaiting.TryRemove(type, out _);
        }
    }

    private async Task RunAsync(ScanRequested scan, CancellationToken cancellationToken)
    {
        var name = scan.Type.ToString();
        string? failure = null;
        string? summary = null;
        try
        {
            var outcome = scan.Type switch
            {
                UiScanType.Payables => await _payables.ScanAsync(cancellationToken).ConfigureAwait(false),
                UiScanType.PendingPayables => await _pendingPayables.ScanAsync(cancellationToken).ConfigureAwait(false),
                _ => await _receivables.ScanAsync(cancellationToken).ConfigureAwait(false),
            };
            summary = outcome.Summary;
            if (scan.Request is not null)
            {
                using (_logger.BeginScope(new Dictionary<string, object> { [UiLogBroadcastSink.BroadcastProperty] = true }))
                {
                    LogScanDoneForUi(name, outcome.Summary);
                }
            }
            else if (outcome.DidWork)
            {
                LogScanDone(name, outcome.Summary);
            }
            else
            {
                LogNothingToDo(name, outcome.Summary);
            }
        }
        catch (BlockchainException e)
        {
            failure = e.Message;
        }
        catch (ScanRefusedException e)
        {
            failure = e.Message;
        }
        catch (PersistenceException e)
        {
            failure = $"database: {e.Message}";
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or Microsoft.EntityFrameworkCore.DbUpdateException)
        {
            failure = $"database: {e.Message}";
        }
        finally
        {
            Interlocked.Increment(ref _scansRun);
        }

        if (failure is not null)
        {
            LogScanFailed(name, failure);
        }

        if (scan.Request is { Envelope.IsConversational: true } request)
        {
            var reply = failure is null
                ? request.Envelope.Reply(new UiScanResponse($"{name} scan: {summary}"))
                : request.Envelope.ErrorReply(UiErrorCodes.Scan, $"{name} scan failed: '{failure}'");
            await _outbound.SendAsync(request.ClientId, reply).ConfigureAwait(false);
        }
    }

    [LoggerMessage(EventId = BlockchainEventIds.ScanFailed, Level = LogLevel.Warning, Message = "{Type} scan failed: '{Reason}'; it is retried at the next scan")]
    private partial void LogScanFailed(string type, string reason);

    [LoggerMessage(EventId = BlockchainEventIds.ScanDone, Level = LogLevel.Information, Message = "{Type} scan: {Summary}")]
    private partial void LogScanDone(string type, string summary);

    [LoggerMessage(EventId = BlockchainEventIds.ScanDoneForUi, Level = LogLevel.Information, Message = "{Type} scan: {Summary}")]
    private partial void LogScanDoneForUi(string type, string summary);

    [LoggerMessage(EventId = BlockchainEventIds.NothingToScan, Level = LogLevel.Debug, Message = "{Type} scan: {Summary}")]
    private partial void LogNothingToDo(string type, string summary);

    [LoggerMessage(EventId = BlockchainEventIds.ScansOff, Level = LogLevel.Information, Message = "Automatic scans are off (--scans off); only the UI scan message runs them")]
    private partial void LogScansOff();

    [LoggerMessage(EventId = BlockchainEventIds.ScansStarted, Level = LogLevel.Information, Message = "Payment scans started (intervals pending-payable|payable|receivable: {Intervals} s)")]
    private partial void LogScansStarted(string intervals);
}
