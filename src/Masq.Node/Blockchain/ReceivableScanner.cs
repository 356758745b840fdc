using System.Globalization;
using Masq.Node.Accounting;
using Masq.Node.Persistence;
using Masq.Node.Wallets;
using Microsoft.Extensions.Logging;

namespace Masq.Node.Blockchain;

/// <summary>
/// Finds payments to our earning wallet (spec §2.7, §3.4): first bans and unbans debtors, then reads the token's
/// Transfer logs from <c>start_block</c>, in a window of at most <c>max_block_count</c> blocks that shrinks when the
/// provider names a range limit. Known debtors' balances and the new <c>start_block</c> are written in one
/// transaction; unknown senders are logged and ignored.
/// </summary>
internal sealed partial class ReceivableScanner(
    ReceivableDao receivables,
    IPersistentConfiguration configuration,
    DelinquencyScanner delinquency,
    BlockchainRpc rpc,
    PaymentSigner signer,
    NodeWallets wallets,
    FinancialTotals totals,
    ILogger<ReceivableScanner> logger)
{
    public async Task<ScanOutcome> ScanAsync(CancellationToken cancellationToken)
    {
        delinquency.Scan();

        var startBlock = configuration.GetStartBlock();
        var maxBlockCount = configuration.GetMaxBlockCount();
        ulong? latest;
        try
        {
            latest = await rpc.GetBlockNumberAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (BlockchainException e)
        {
            LogNoBlockNumber(e.Message);
            latest = null;
        }

        var from = startBlock ?? latest;
        ulong? to = latest;
        if (from is { } f && maxBlockCount is { } max && max > 0)
        {
            var capped = f + max - 1;
            to = to is { } t && t < capped ? t : capped;
        }

        if (from is { } first && to is { } last && first > last)
        {
            return ScanOutcome.NothingToDo($"No new blocks to scan (next is {first}, latest is {last})");
        }

        IReadOnlyList<TransferLog> logs;
        try
        {
            logs = await rpc.GetTransferLogsAsync(signer.Chain.ContractAddress, wallets.Current.Earning, from, to, cancellationToken).ConfigureAwait(false);
        }
        catch (BlockchainException e) when (BlockRangeLimit.TryParse(e.Message, out var limit))
        {
            configuration.SetMaxBlockCount(limit);
            LogWindowShrunk(limit);
            throw new BlockchainException(e.Kind, $"{e.Message}; the block window is now {limit} blocks", e);
        }

        ulong? next = to is { } end ? end + 1
            : logs.Count > 0 ? logs.Max(l => l.BlockNumber) + 1
            : from is { } start ? start + 1
            : null;
        if (next is null)
        {
            return ScanOutcome.NothingToDo("The blockchain service named no block to scan from");
        }

        var payments = logs.Select(l => new WalletAmount(l.Sender.ToString(), l.AmountWei)).ToList();
        var unknown = receivables.ApplyPayments(payments, next.Value);
        foreach (var stranger in unknown)
        {
            LogUnknownDebtor(stranger.WalletAddress, stranger.AmountWei.ToString(CultureInfo.InvariantCulture));
        }

        var received = payments.Except(unknown).Aggregate(Int128.Zero, (sum, p) => sum + p.AmountWei);
        totals.AddPaidReceivable(received);
        var summary = $"Found {payments.Count - unknown.Count} payments from debtors and {unknown.Count} from unknown wallets in blocks {from?.ToString(CultureInfo.InvariantCulture) ?? "latest"} to {to?.ToString(CultureInfo.InvariantCulture) ?? "latest"}; next scan starts at block {next}";
        LogScanned(summary);
        return payments.Count > 0 ? ScanOutcome.Done(summary) : ScanOutcome.NothingToDo(summary);
    }

    [LoggerMessage(EventId = BlockchainEventIds.UnknownPayer, Level = LogLevel.Warning, Message = "Received {AmountWei} wei from {Wallet}, which owes us nothing on record (unknown debtor); ignored")]
    private partial void LogUnknownDebtor(string wallet, string amountWei);

    [LoggerMessage(EventId = BlockchainEventIds.LogQueriesLimited, Level = LogLevel.Warning, Message = "The blockchain service limits log queries; the receivable scan now asks for {Blocks} blocks at a time")]
    private partial void LogWindowShrunk(ulong blocks);

    [LoggerMessage(EventId = BlockchainEventIds.LatestBlockUnknown, Level = LogLevel.Warning, Message = "Could not get the latest block number: {Reason}")]
    private partial void LogNoBlockNumber(string reason);

    [LoggerMessage(EventId = BlockchainEventIds.ReceivableSummary, Level = LogLevel.Debug, Message = "{Summary}")]
    private partial void LogScanned(string summary);
}
