using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Masq.Lib.Blockchains;

namespace Masq.Node.Blockchain;

/// <summary>The Ethereum JSON-RPC calls the Node makes, typed; answers that do not parse are InvalidResponse.</summary>
internal sealed class BlockchainRpc(JsonRpcTransport transport)
{
    /// <summary>keccak256("Transfer(address,address,uint256)").</summary>
    public const string TransferTopic = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";

    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    public Uri? Url => transport.Url;

    public async Task<BigInteger> GetGasPriceAsync(CancellationToken cancellationToken) =>
        Quantity("eth_gasPrice", await transport.CallAsync("eth_gasPrice", [], cancellationToken).ConfigureAwait(false));

    public async Task<BigInteger> GetTransactionCountAsync(WalletAddress wallet, bool pending, CancellationToken cancellationToken) =>
        Quantity("eth_getTransactionCount", await transport.CallAsync("eth_getTransactionCount", [wallet.ToString(), pending ? "pending" : "latest"], cancellationToken).ConfigureAwait(false));

    public async Task<BigInteger> GetBalanceAsync(WalletAddress wallet, CancellationToken cancellationToken) =>
        Quantity("eth_getBalance", await transport.CallAsync("eth_getBalance", [wallet.ToString(), "latest"], cancellationToken).ConfigureAwait(false));

    /// <summary>The ERC-20 <c>balanceOf</c> of a wallet, through <c>eth_call</c>.</summary>
    public async Task<BigInteger> GetTokenBalanceAsync(WalletAddress contract, WalletAddress wallet, CancellationToken cancellationToken)
    {
        var data = "0x70a08231" + Convert.ToHexStringLower(new byte[12]) + Convert.ToHexStringLower(wallet.Bytes);
        var call = new JsonObject { ["to"] = contract.ToString(), ["data"] = data };
        var result = await transport.CallAsync("eth_call", [call, "latest"], cancellationToken).ConfigureAwait(false);
        return Quantity("eth_call", result, allowPadded: true);
    }

    public async Task<ulong> GetBlockNumberAsync(CancellationToken cancellationToken)
    {
        var number = Quantity("eth_blockNumber", await transport.CallAsync("eth_blockNumber", [], cancellationToken).ConfigureAwait(false));
        return number <= ulong.MaxValue ? (ulong)number : throw Invalid("eth_blockNumber", "a block number beyond 64 bits");
    }

    /// <summary>Sends signed transactions in one batch; the outcomes follow the order of the transactions.</summary>
    public async Task<IReadOnlyList<SendOutcome>> SendRawTransactionsAsync(IReadOnlyList<string> rawTransactions, CancellationToken cancellationToken)
    {
        var replies = await transport.BatchAsync(rawTransactions.Select(raw => new JsonRpcCall("eth_sendRawTransaction", [raw])).ToList(), cancellationToken).ConfigureAwait(false);
        return replies.Select(reply => reply.IsError
            ? new SendOutcome(null, reply.ErrorMessage)
            : new SendOutcome(reply.Result.ValueKind == JsonValueKind.String ? reply.Result.GetString() : throw Invalid("eth_sendRawTransaction", "a hash that is not a string"), null)).ToList();
    }

    /// <summary>Receipts in one batch: null while a transaction is pending (or unknown).</summary>
    public async Task<IReadOnlyList<TransactionReceiptInfo?>> GetReceiptsAsync(IReadOnlyList<string> hashes, CancellationToken cancellationToken)
    {
        var replies = await transport.BatchAsync(hashes.Select(hash => new JsonRpcCall("eth_getTransactionReceipt", [hash])).ToList(), cancellationToken).ConfigureAwait(false);
        var receipts = new TransactionReceiptInfo?[hashes.Count];
        for (var i = 0; i < hashes.Count; i++)
        {
            var reply = replies[i];
            if (reply.IsError)
            {
                throw JsonRpcTransport.ErrorOf("eth_getTransactionReceipt", reply);
            }

            receipts[i] = ReadReceipt(hashes[i], reply.Result);
        }

        return receipts;
    }

    public async Task<PendingTransactionInfo?> GetTransactionAsync(string hash, CancellationToken cancellationToken)
    {
        var result = await transport.CallAsync("eth_getTransactionByHash", [hash], cancellationToken).ConfigureAwait(false);
        if (result.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (result.ValueKind != JsonValueKind.Object || !result.TryGetProperty("nonce", out var nonce) || !result.TryGetProperty("gasPrice", out var gasPrice))
        {
            throw Invalid("eth_getTransactionByHash", "a transaction without nonce or gas price");
        }

        ulong? block = result.TryGetProperty("blockNumber", out var number) && number.ValueKind == JsonValueKind.String
            ? (ulong)Quantity("eth_getTransactionByHash", number)
            : null;
        return new PendingTransactionInfo(Quantity("eth_getTransactionByHash", nonce), Quantity("eth_getTransactionByHash", gasPrice), block);
    }

    /// <summary>ERC-20 Transfer logs of <paramref name="contract"/> to <paramref name="recipient"/> in a block range (null = latest).</summary>
    public async Task<IReadOnlyList<TransferLog>> GetTransferLogsAsync(WalletAddress contract, WalletAddress recipient, ulong? fromBlock, ulong? toBlock, CancellationToken cancellationToken)
    {
        var filter = new JsonObject
        {
            ["address"] = contract.ToString(),
            ["fromBlock"] = BlockTag(fromBlock),
            ["toBlock"] = BlockTag(toBlock),
            ["topics"] = new JsonArray(TransferTopic, null, "0x" + Convert.ToHexStringLower(new byte[12]) + Convert.ToHexStringLower(recipient.Bytes)),
        };
        var result = await transport.CallAsync("eth_getLogs", [filter], cancellationToken).ConfigureAwait(false);
        if (result.ValueKind != JsonValueKind.Array)
        {
            throw Invalid("eth_getLogs", "logs that are not a list");
        }

        var logs = new List<TransferLog>();
        foreach (var log in result.EnumerateArray())
        {
            if (log.ValueKind != JsonValueKind.Object)
            {
                throw Invalid("eth_getLogs", "a log that is not an object");
            }

            if (!log.TryGetProperty("blockNumber", out var block) || block.ValueKind != JsonValueKind.String)
            {
                continue; // a pending log: it is found again once mined
            }

            if (!log.TryGetProperty("topics", out var topics) || topics.ValueKind != JsonValueKind.Array || topics.GetArrayLength() < 2)
            {
                throw Invalid("eth_getLogs", "a Transfer log with fewer than 2 topics");
            }

            var sender = HexBytes("eth_getLogs", topics[1]);
            var data = log.TryGetProperty("data", out var d) ? HexBytes("eth_getLogs", d) : [];
            if (sender.Length != 32 || data.Length > 32)
            {
                throw Invalid("eth_getLogs", "a Transfer log with a malformed sender or amount");
            }

            var amount = new BigInteger(data, isUnsigned: true, isBigEndian: true);
            if (amount > (BigInteger)Int128.MaxValue)
            {
                throw Invalid("eth_getLogs", "a Transfer amount beyond 127 bits");
            }

            logs.Add(new TransferLog(WalletAddress.FromBytes(sender.AsSpan(12)), (Int128)amount, (ulong)Quantity("eth_getLogs", block)));
        }

        return logs;
    }

    private static TransactionReceiptInfo? ReadReceipt(string hash, JsonElement receipt)
    {
        if (receipt.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (receipt.ValueKind != JsonValueKind.Object || !receipt.TryGetProperty("status", out var status))
        {
            throw Invalid("eth_getTransactionReceipt", "a receipt without a status");
        }

        if (!receipt.TryGetProperty("blockNumber", out var block) || block.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var code = Quantity("eth_getTransactionReceipt", status);
        return new TransactionReceiptInfo(hash, code == 1, (ulong)Quantity("eth_getTransactionReceipt", block));
    }

    private static JsonNode BlockTag(ulong? block) =>
        block is { } number ? "0x" + number.ToString("x", CultureInfo.InvariantCulture) : "latest";

    private static BigInteger Quantity(string method, JsonElement value, bool allowPadded = false)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            throw Invalid(method, $"a quantity that is not a hex string ({value.ValueKind})");
        }

        var text = value.GetString()!;
        if (!text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || text.Length < 3 || (!allowPadded && text.Length > 66 + 2))
        {
            throw Invalid(method, $"a quantity that is not 0x-prefixed hex: '{(text.Length > 40 ? text[..40] + "…" : text)}'");
        }

        var digits = text[2..];
        if (!digits.All(char.IsAsciiHexDigit))
        {
            throw Invalid(method, "a quantity with non-hex digits");
        }

        return BigInteger.Parse("0" + digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
    }

    private static byte[] HexBytes(string method, JsonElement value)
    {
        var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Invalid(method, "hex data that is not a string");
        if (!text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || text.Length % 2 != 0 || text.AsSpan(2).ContainsAnyExcept(HexDigits))
        {
            throw Invalid(method, "malformed hex data");
        }

        return Convert.FromHexString(text.AsSpan(2));
    }

    private static BlockchainException Invalid(string method, string what) =>
        new(BlockchainErrorKind.InvalidResponse, $"{method}: the blockchain service sent {what}");
}
