using Masq.Lib.Blockchains;
using Masq.Node.Accounting;
using Masq.Node.Configuration;
using Masq.Node.Persistence;
using Masq.Node.Wallets;
using Microsoft.Extensions.Logging;

namespace Masq.Node.Blockchain;

/// <summary>
/// Follows sent payments through their receipts (spec §2.6): a success pays the debt down, a failure marks the
/// fingerprint <c>ERROR</c> (left for the user; never re-paid automatically), no receipt yet counts an attempt, and
/// a payment pending longer than <see cref="BlockchainOptions.PendingTooLong"/> is replaced by the same transfer
/// with the same nonce and a higher gas price (never above the configured ceiling).
/// </summary>
internal sealed partial class PendingPayableScanner(
    PendingPayableDao pending,
    PayableDao payables,
    PaymentDao payments,
    BlockchainRpc rpc,
    PaymentSigner signer,
    NodeWallets wallets,
    NodeRuntimeState runtime,
    FinancialTotals totals,
    BlockchainOptions options,
    TimeProvider time,
    ILogger<PendingPayableScanner> logger)
{
    private static readonly System.Numerics.BigInteger WeiPerGwei = 1_000_000_000;

    public async Task<ScanOutcome> ScanAsync(CancellationToken cancellationToken)
    {
        var fingerprints = pending.ListUnresolved();
        if (fingerprints.Count == 0)
        {
            return ScanOutcome.NothingToDo("No pending payables to process");
        }

        LogFound(fingerprints.Count);
        var receipts = await rpc.GetReceiptsAsync(fingerprints.Select(f => f.TransactionHash).ToList(), cancellationToken).ConfigureAwait(false);
        int succeeded = 0, stillPending = 0, failed = 0;
        for (var i = 0; i < fingerprints.Count; i++)
        {
            var fingerprint = fingerprints[i];
            try
            {
                switch (receipts[i])
                {
                    case { Succeeded: true } receipt:
                        payables.ConfirmPayment(fingerprint.Rowid);
                        totals.AddPaidPayable(fingerprint.AmountWei);
                        succeeded++;
                        LogConfirmed(fingerprint.TransactionHash, receipt.BlockNumber);
                        break;
                    case { Succeeded: false } receipt:
                        pending.MarkFailure(fingerprint.Rowid);
                        failed++;
                        LogFailedOnChain(fingerprint.TransactionHash, receipt.BlockNumber);
                        break;
                    default:
                        stillPending++;
                        if (time.GetUtcNow() - fingerprint.PayableTimestamp >= options.PendingTooLong)
                        {
                            await ReplaceAsync(fingerprint, cancellationToken).ConfigureAwait(false);
                        }
                        else
                        {
                            pending.IncrementAttempt(fingerprint.Rowid);
                        }
                        break;
                }
            }
            catch (PersistenceException e)
            {
                LogRecordFailed(fingerprint.TransactionHash, e.Message);
            }
        }

        var summary = $"Scan results: Successful: {succeeded}, Pending: {stillPending}, Failed: {failed}";
        LogResults(summary);
        return ScanOutcome.Done(summary);
    }

    private async Task ReplaceAsync(PendingPayableFingerprint fingerprint, CancellationToken cancellationToken)
    {
        var transaction = await rpc.GetTransactionAsync(fingerprint.TransactionHash, cancellationToken).ConfigureAwait(false);
        var payable = payments.PayableAwaiting(fingerprint.Rowid);
        var key = wallets.Current.ConsumingKey();
        if (transaction is null || transaction.BlockNumber is not null || payable is null || key is null)
        {
            // Unknown to the service (dropped, or never sent): re-sending with a new nonce could pay twice if the
            // original resurfaces, so that is left to the user. Same-nonce replacement below can never pay twice.
            pending.IncrementAttempt(fingerprint.Rowid);
            LogCannotReplace(fingerprint.TransactionHash, transaction is null ? "the blockchain service does not know it" : "it cannot be re-signed");
            return;
        }

        var ceiling = runtime.GasPrice * WeiPerGwei;
        var chainPrice = await rpc.GetGasPriceAsync(cancellationToken).ConfigureAwait(false);
        var bumped = (transaction.GasPriceWei * (100 + options.GasPriceBumpPercent) / 100) + 1;
        if (chainPrice > bumped)
        {
            bumped = chainPrice;
        }

        if (bumped > ceiling)
        {
            pending.IncrementAttempt(fingerprint.Rowid);
            LogCannotReplace(fingerprint.TransactionHash, $"a higher gas price ({bumped / WeiPerGwei} gwei) would pass the gas-price ceiling of {runtime.GasPrice} gwei");
            return;
        }

        var replacement = signer.Sign(key, WalletAddress.Parse(payable.WalletAddress), fingerprint.AmountWei, transaction.Nonce, bumped);
        var outcome = (await rpc.SendRawTransactionsAsync([replacement.RawTransaction], cancellationToken).ConfigureAwait(false))[0];
        if (!outcome.Accepted)
        {
            pending.IncrementAttempt(fingerprint.Rowid);
            LogCannotReplace(fingerprint.TransactionHash, $"the blockchain service refused the replacement: {outcome.Error}");
            return;
        }

        payments.ReplaceTransaction(fingerprint.Rowid, replacement.TransactionHash, time.GetUtcNow());
        LogReplaced(fingerprint.TransactionHash, replacement.TransactionHash, (ulong)(bumped / WeiPerGwei));
    }

    [LoggerMessage(EventId = BlockchainEventIds.PendingFound, Level = LogLevel.Information, Message = "Found {Count} pending payables to process")]
    private partial void LogFound(int count);

    [LoggerMessage(EventId = BlockchainEventIds.TransactionConfirmed, Level = LogLevel.Information, Message = "Transaction {Hash} has been added to the blockchain (block {Block})")]
    private partial void LogConfirmed(string hash, ulong block);

    [LoggerMessage(EventId = BlockchainEventIds.TransactionFailed, Level = LogLevel.Warning, Message = "Transaction {Hash} failed on the blockchain (block {Block}); its payable stays pending and is not paid again automatically")]
    private partial void LogFailedOnChain(string hash, ulong block);

    [LoggerMessage(EventId = BlockchainEventIds.PendingSummary, Level = LogLevel.Information, Message = "{Summary}")]
    private partial void LogResults(string summary);

    [LoggerMessage(EventId = BlockchainEventIds.TransactionReplaced, Level = LogLevel.Warning, Message = "Transaction {OldHash} was pending too long; replaced by {NewHash} at {Gwei} gwei")]
    private partial void LogReplaced(string oldHash, string newHash, ulong gwei);

    [LoggerMessage(EventId = BlockchainEventIds.TransactionNotReplaced, Level = LogLevel.Warning, Message = "Transaction {Hash} is pending too long but cannot be replaced: {Reason}")]
    private partial void LogCannotReplace(string hash, string reason);

    [LoggerMessage(EventId = BlockchainEventIds.OutcomeNotRecorded, Level = LogLevel.Error, Message = "Could not record the outcome of transaction {Hash}; it is checked again at the next scan: {Reason}")]
    private partial void LogRecordFailed(string hash, string reason);
}
