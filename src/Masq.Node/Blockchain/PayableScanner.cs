using System.Globalization;
using System.Numerics;
using Masq.Lib.Blockchains;
using Masq.Node.Accounting;
using Masq.Node.Configuration;
using Masq.Node.Persistence;
using Masq.Node.Wallets;
using Microsoft.Extensions.Logging;

namespace Masq.Node.Blockchain;

/// <summary>
/// Pays the debts that crossed the payment curve (spec §2.6, §3.3): one ERC-20 transfer of the whole balance per
/// creditor, nonces counted on from the pending transaction count, the chain's gas price capped by the configured
/// gas-price ceiling, all sent in one JSON-RPC batch. Fingerprints and in-flight flags are written before sending
/// and undone for every transaction the service refuses.
/// </summary>
internal sealed partial class PayableScanner(
    PayableDao payables,
    PaymentDao payments,
    BlockchainRpc rpc,
    PaymentSigner signer,
    NodeWallets wallets,
    NodeRuntimeState runtime,
    PaymentCurve curve,
    TimeProvider time,
    ILogger<PayableScanner> logger)
{
    private static readonly BigInteger WeiPerGwei = 1_000_000_000;

    public async Task<ScanOutcome> ScanAsync(CancellationToken cancellationToken)
    {
        var set = wallets.Current;
        if (set.Consuming is not { } consuming || set.ConsumingKey() is not { } key)
        {
            throw new ScanRefusedException("No consuming wallet is configured; use generate-wallets or recover-wallets");
        }

        var now = time.GetUtcNow();
        var all = payables.List().Where(p => p.BalanceWei > 0).ToList();
        var qualifying = all
            .Where(p => p.PendingPayableRowid is null && curve.PayableQualifies(p.BalanceWei, now.ToUnixTimeSeconds() - p.LastPaidTimestamp.ToUnixTimeSeconds()))
            .ToList();
        if (qualifying.Count == 0)
        {
            return ScanOutcome.NothingToDo(NothingQualifies(all, now));
        }

        var gasPrice = await GasPriceAsync(cancellationToken).ConfigureAwait(false);
        var nonce = await rpc.GetTransactionCountAsync(consuming, pending: true, cancellationToken).ConfigureAwait(false);
        await CheckFundsAsync(consuming, qualifying, gasPrice, cancellationToken).ConfigureAwait(false);

        var signed = qualifying.Select((p, i) => signer.Sign(key, WalletAddress.Parse(p.WalletAddress), p.BalanceWei, nonce + i, gasPrice)).ToList();
        var rowids = payments.RecordSentPayments(signed.Select(s => new SentPayment(s.Creditor.ToString(), s.TransactionHash, s.AmountWei)).ToList(), now);

        IReadOnlyList<SendOutcome> outcomes;
        try
        {
            outcomes = await rpc.SendRawTransactionsAsync(signed.Select(s => s.RawTransaction).ToList(), cancellationToken).ConfigureAwait(false);
        }
        catch (BlockchainException e) when (!e.MayHaveArrived)
        {
            foreach (var rowid in rowids)
            {
                payments.CancelSentPayment(rowid);
            }

            throw new BlockchainException(e.Kind, $"Sending {signed.Count} payments failed, nothing was sent ({string.Join(", ", signed.Select(s => s.TransactionHash))}): {e.Message}", e);
        }
        catch (BlockchainException e)
        {
            LogSendUncertain(signed.Count, e.Message);
            throw;
        }

        var sent = 0;
        for (var i = 0; i < signed.Count; i++)
        {
            var payment = signed[i];
            if (outcomes[i].Accepted)
            {
                sent++;
                if (!string.Equals(outcomes[i].TransactionHash, payment.TransactionHash, StringComparison.OrdinalIgnoreCase))
                {
                    LogHashMismatch(payment.TransactionHash, outcomes[i].TransactionHash ?? "none");
                }

                LogSent(payment.TransactionHash, payment.AmountWei.ToString(CultureInfo.InvariantCulture), payment.Creditor.ToString(), (ulong)payment.Nonce);
            }
            else
            {
                payments.CancelSentPayment(rowids[i]);
                LogRefused(payment.Creditor.ToString(), payment.AmountWei.ToString(CultureInfo.InvariantCulture), outcomes[i].Error!);
            }
        }

        var hashes = signed.Where((_, i) => outcomes[i].Accepted).Select(p => p.TransactionHash).ToList();
        return ScanOutcome.Done(
            $"Found {Count(all.Count, "payable")}, {qualifying.Count} qualified for payment ({Wei(qualifying.Aggregate(Int128.Zero, (sum, p) => sum + p.BalanceWei))} wei); "
            + $"sent {sent} of {Count(signed.Count, "transaction")} at {gasPrice / WeiPerGwei} gwei"
            + (hashes.Count > 0 ? ": " + string.Join(", ", hashes) : string.Empty)
            + (sent < signed.Count ? "; the refused ones are retried at the next scan (see the log)" : string.Empty));
    }

    /// <summary>Why a scan paid nothing: no debts, debts in flight, or debts still under the payment curve.</summary>
    private string NothingQualifies(List<PayableAccount> all, DateTimeOffset now)
    {
        if (all.Count == 0)
        {
            return "Found no payables; nothing to pay";
        }

        var inFlight = all.Count(p => p.PendingPayableRowid is not null);
        var waiting = all.Where(p => p.PendingPayableRowid is null).ToList();
        var text = $"Found {Count(all.Count, "payable")}, none qualifies for payment";
        if (inFlight > 0)
        {
            text += $"; {inFlight} already ha{(inFlight == 1 ? "s" : "ve")} a payment in flight (scan pendingpayables confirms {(inFlight == 1 ? "it" : "them")})";
        }

        if (waiting.Count > 0)
        {
            var largest = waiting.MaxBy(p => p.BalanceWei)!;
            var age = now.ToUnixTimeSeconds() - largest.LastPaidTimestamp.ToUnixTimeSeconds();
            text += $"; the largest unpaid debt is {Wei(largest.BalanceWei)} wei, {age} s old, under the payment thresholds "
                + $"(debt {curve.Thresholds.DebtThresholdGwei} gwei, maturity {curve.Thresholds.MaturityThresholdSec} s; see --payment-thresholds)";
        }

        return text;
    }

    private static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? string.Empty : "s")}";

    private static string Wei(Int128 wei) => wei.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The chain's gas price, capped by the configured gas-price ceiling (gwei).</summary>
    private async Task<BigInteger> GasPriceAsync(CancellationToken cancellationToken)
    {
        var chainPrice = await rpc.GetGasPriceAsync(cancellationToken).ConfigureAwait(false);
        var ceiling = runtime.GasPrice * WeiPerGwei;
        if (chainPrice > ceiling)
        {
            LogGasPriceCapped((ulong)(chainPrice / WeiPerGwei), runtime.GasPrice);
            return ceiling;
        }

        return chainPrice;
    }

    /// <summary>The reference's "agent": the adjuster never shrinks payments, so short funds are only a warning.</summary>
    private async Task CheckFundsAsync(WalletAddress consuming, List<PayableAccount> qualifying, BigInteger gasPrice, CancellationToken cancellationToken)
    {
        var tokens = await rpc.GetTokenBalanceAsync(signer.Chain.ContractAddress, consuming, cancellationToken).ConfigureAwait(false);
        var ether = await rpc.GetBalanceAsync(consuming, cancellationToken).ConfigureAwait(false);
        var owed = qualifying.Aggregate(BigInteger.Zero, (sum, p) => sum + (BigInteger)p.BalanceWei);
        var gas = gasPrice * signer.BaseGasLimit * 2 * qualifying.Count;
        if (tokens < owed || ether < gas)
        {
            LogShortOfFunds(consuming.ToString(), owed.ToString(CultureInfo.InvariantCulture), tokens.ToString(CultureInfo.InvariantCulture), ether.ToString(CultureInfo.InvariantCulture));
        }
    }

    [LoggerMessage(EventId = BlockchainEventIds.PaymentSent, Level = LogLevel.Information, Message = "Sent transaction {Hash}: {AmountWei} wei to {Creditor} with nonce {Nonce}")]
    private partial void LogSent(string hash, string amountWei, string creditor, ulong nonce);

    [LoggerMessage(EventId = BlockchainEventIds.PaymentRefused, Level = LogLevel.Warning, Message = "The blockchain service refused a payment of {AmountWei} wei to {Creditor}; it is retried at the next scan: {Reason}")]
    private partial void LogRefused(string creditor, string amountWei, string reason);

    [LoggerMessage(EventId = BlockchainEventIds.GasPriceAboveCeiling, Level = LogLevel.Warning, Message = "The blockchain service's gas price ({ChainGwei} gwei) is above the gas-price ceiling; paying {CeilingGwei} gwei")]
    private partial void LogGasPriceCapped(ulong chainGwei, ulong ceilingGwei);

    [LoggerMessage(EventId = BlockchainEventIds.WalletShortOfFunds, Level = LogLevel.Warning, Message = "The consuming wallet {Wallet} may be short of funds: owes {OwedWei} wei, holds {TokenWei} token wei and {EtherWei} wei for gas")]
    private partial void LogShortOfFunds(string wallet, string owedWei, string tokenWei, string etherWei);

    [LoggerMessage(EventId = BlockchainEventIds.UnexpectedHash, Level = LogLevel.Warning, Message = "Transaction {Expected} came back from the blockchain service as {Actual}")]
    private partial void LogHashMismatch(string expected, string actual);

    [LoggerMessage(EventId = BlockchainEventIds.BatchUnanswered, Level = LogLevel.Warning, Message = "No readable answer after sending {Count} payments ({Reason}); they stay recorded as pending and the pending-payable scan will find their receipts")]
    private partial void LogSendUncertain(int count, string reason);
}
