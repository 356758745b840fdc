using System.Diagnostics.CodeAnalysis;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Numerics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Masq.IntegrationTests.Architecture;
using Masq.IntegrationTests.Infrastructure;
using Masq.Lib.Blockchains;
using Nethereum.Signer;
using Chain = Masq.Lib.Blockchains.Chain;

namespace Masq.IntegrationTests.Money;

/// <summary>
/// A real local chain: ganache (npm, installed in tools/chain by scripts/install-test-deps.sh) on 127.0.0.1, a free
/// port, chain id 2 and the reference's fixed mnemonic, with the test token (tools/chain/compiled/HotToken.json)
/// deployed as account 0's first transaction, so it sits at the <c>dev</c> chain's contract address. Stopped on
/// dispose. Tests isolate themselves with <see cref="SnapshotAsync"/> / <see cref="RevertAsync"/>.
/// </summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "xUnit disposes the HTTP client in IAsyncLifetime.DisposeAsync.")]
public sealed class GanacheChain : IAsyncLifetime
{
    public const string Mnemonic = "timber cage wide hawk phone shaft pattern movie army dizzy hen tackle lamp absent write kind term toddler sphere ripple idle dragon curious hold";

    /// <summary>Ganache's accounts for <see cref="Mnemonic"/> (m/44'/60'/0'/0/i): each starts with 1000 ETH.</summary>
    public static readonly IReadOnlyList<string> AccountKeys =
    [
        "d4670b314ecb5e6b44b7fbe625ed746522c906316e66df31be64194ee6189188",
        "ecf98675c3e82689133a6616c89e0afa58223b386c804e55c46de6584bdd14cd",
        "92b1597b70102f936270e3144fde0c5dad020825cae2d68f1e8f305ab6796e89",
        "c4940806176251926965654ed6c983e5760199a5c57c7bfa716cca93256b97ed",
        "daf7dbd14905d1b54d7d94fe712d5864c477639769c66615d8652302fd208688",
        "7300ac457390c74c40751045bf0e45bcd16b3d0f6f4ebddc17be5a8765ec79b7",
        "a2ac66fe97a759fe1f0203c23d7bbc3a8411f29c6a7cbe96509b177dfdde25f4",
        "646fd97e3354b86da79f49f1396a26e85a292f79ddf4ae77cee914fd7c83aa29",
        "83ac72318942c847ffd811a9a7062072494f8fcc54ae791123d1a648efc83a95",
        "50276551cc2084ce5dd0639e29ad41f64d4f19e3de00eef4a9a1903c5b2b1b92",
    ];

    public const long ChainId = 2;
    public static readonly BigInteger GasPriceWei = 20_000_000_000;
    public static readonly BigInteger TokenSupplyWei = BigInteger.Parse("472000000000000000000000000", CultureInfo.InvariantCulture);

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly StringBuilder _output = new();
    private Process? _process;
    private long _id;

    public Uri Url { get; private set; } = null!;

    public static WalletAddress Account(int index) => WalletAddress.Parse(new EthECKey(AccountKeys[index]).GetPublicAddress());

    public static byte[] AccountKey(int index) => Convert.FromHexString(AccountKeys[index]);

    public async Task InitializeAsync()
    {
        var chainDirectory = Path.Combine(DependencyRuleTests.RepositoryRoot(), "tools", "chain");
        var cli = Path.Combine(chainDirectory, "node_modules", "ganache", "dist", "node", "cli.js");
        if (!File.Exists(cli))
        {
            throw new FileNotFoundException($"ganache is not installed; run scripts/install-test-deps.sh ({cli} is missing)", cli);
        }

        var port = Ports.Free();
        Url = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo("node")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = chainDirectory,
        };
        foreach (var arg in new[]
        {
            cli, "--server.host", "127.0.0.1", "--server.port", port.ToString(CultureInfo.InvariantCulture),
            "--chain.chainId", "2", "--chain.networkId", "2", "--wallet.mnemonic", Mnemonic,
            "--miner.defaultGasPrice", "20000000000", "--logging.quiet", "true",
        })
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"ganache exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                if (await CallAsync("eth_chainId") is { } id && id.GetValue<string>() == "0x2")
                {
                    break;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }
            catch (TaskCanceledException) when (DateTime.UtcNow < deadline)
            {
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"ganache did not answer on {Url}:\n{Output}");
            }

            await Task.Delay(100);
        }

        await DeployTokenAsync();
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _http.Dispose();
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public async Task<JsonNode?> CallAsync(string method, params JsonNode?[] parameters)
    {
        var request = new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["id"] = Interlocked.Increment(ref _id),
            ["method"] = method,
            ["params"] = new JsonArray(parameters),
        };
        using var response = await _http.PostAsJsonAsync(Url, request);
        var reply = await response.Content.ReadFromJsonAsync<JsonObject>() ?? throw new InvalidOperationException($"{method}: empty answer");
        if (reply["error"] is { } error)
        {
            throw new InvalidOperationException($"{method}: {error.ToJsonString()}");
        }

        return reply["result"];
    }

    public async Task<string> SnapshotAsync() => (await CallAsync("evm_snapshot"))!.GetValue<string>();

    public async Task RevertAsync(string snapshot)
    {
        var reverted = await CallAsync("evm_revert", snapshot);
        if (reverted?.GetValue<bool>() != true)
        {
            throw new InvalidOperationException($"evm_revert {snapshot} failed");
        }
    }

    public async Task<BigInteger> TokenBalanceAsync(WalletAddress wallet)
    {
        var data = "0x70a08231" + new string('0', 24) + wallet.ToString()[2..];
        var result = await CallAsync("eth_call", new JsonObject { ["to"] = Chain.Dev.ContractAddress.ToString(), ["data"] = data }, "latest");
        return Quantity(result!.GetValue<string>());
    }

    public async Task<BigInteger> EtherBalanceAsync(WalletAddress wallet) =>
        Quantity((await CallAsync("eth_getBalance", wallet.ToString(), "latest"))!.GetValue<string>());

    public async Task<ulong> BlockNumberAsync() => (ulong)Quantity((await CallAsync("eth_blockNumber"))!.GetValue<string>());

    public async Task MineAsync(int blocks) => await CallAsync("evm_mine", new JsonObject { ["blocks"] = blocks });

    public async Task<JsonObject> TransactionAsync(string hash) => (JsonObject)(await CallAsync("eth_getTransactionByHash", hash))!;

    public async Task<JsonObject?> ReceiptAsync(string hash) => (await CallAsync("eth_getTransactionReceipt", hash)) as JsonObject;

    /// <summary>Sends tokens from one of the ganache accounts (a debtor paying us) and waits for the receipt.</summary>
    public async Task<string> TransferTokensAsync(int fromAccount, WalletAddress to, BigInteger amountWei)
    {
        var from = new EthECKey(AccountKeys[fromAccount]);
        var nonce = Quantity((await CallAsync("eth_getTransactionCount", from.GetPublicAddress(), "pending"))!.GetValue<string>());
        var data = "0xa9059cbb" + new string('0', 24) + to.ToString()[2..] + amountWei.ToString("x64", CultureInfo.InvariantCulture)[^64..];
        var raw = new LegacyTransactionSigner().SignTransaction(AccountKey(fromAccount), new BigInteger(ChainId), Chain.Dev.ContractAddress.ToString(), BigInteger.Zero, nonce, GasPriceWei, new BigInteger(100_000), data);
        return (await CallAsync("eth_sendRawTransaction", WithPrefix(raw)))!.GetValue<string>();
    }

    public static BigInteger Quantity(string hex) =>
        BigInteger.Parse("0" + hex[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

    private async Task DeployTokenAsync()
    {
        var artefactPath = Path.Combine(DependencyRuleTests.RepositoryRoot(), "tools", "chain", "compiled", "HotToken.json");
        using var artefact = JsonDocument.Parse(await File.ReadAllTextAsync(artefactPath));
        var bytecode = artefact.RootElement.GetProperty("bytecode").GetString()!;
        var nonce = Quantity((await CallAsync("eth_getTransactionCount", Account(0).ToString(), "pending"))!.GetValue<string>());
        if (nonce != 0)
        {
            throw new InvalidOperationException("The token must be account 0's first transaction");
        }

        var raw = new LegacyTransactionSigner().SignTransaction(AccountKey(0), new BigInteger(ChainId), null, BigInteger.Zero, nonce, GasPriceWei, new BigInteger(2_000_000), bytecode);
        var hash = (await CallAsync("eth_sendRawTransaction", WithPrefix(raw)))!.GetValue<string>();
        var receipt = await ReceiptAsync(hash) ?? throw new InvalidOperationException("The token deployment was not mined");
        var address = receipt["contractAddress"]!.GetValue<string>();
        if (!string.Equals(address, Chain.Dev.ContractAddress.ToString(), StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"The token landed at {address}, not at the dev chain's contract {Chain.Dev.ContractAddress}");
        }
    }

    private static string WithPrefix(string hex) => hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hex : "0x" + hex;

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Append(line).Append('\n');
        }
    }
}
