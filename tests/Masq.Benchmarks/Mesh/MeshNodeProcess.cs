using System.Net;
using System.Text.Json;
using Masq.IntegrationTests.DataPath.Harness;
using Masq.Lib.Blockchains;
using Masq.Lib.Configuration;
using Masq.Node.Accounting;
using Masq.Node.Crypto;
using Masq.Node.Networking;
using Masq.Node.Routing;
using Masq.Node.DataPath;

namespace Masq.Benchmarks.Mesh;

/// <summary>
/// <c>mesh-node CONFIG INDEX</c>: one Node of the benchmark mesh in its own process (so its memory can be measured),
/// until its standard input closes.
/// </summary>
internal static class MeshNodeProcess
{
    public static async Task<int> RunAsync(string[] args)
    {
        var config = JsonSerializer.Deserialize<MeshConfig>(await File.ReadAllTextAsync(args[0]))!;
        int index = int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
        byte[] contract = Chain.BaseSepolia.ContractAddress.Bytes.ToArray();
        var directory = new NodeDirectory();
        var specs = config.Nodes.Select(n =>
        {
            var ip = IPAddress.Parse(n.Ip);
            return new MeshNodeSpec(ip, n.ClandestinePort, n.ProxyPort, CryptDeReal.Import(Convert.FromHexString(n.KeyPair), contract))
            {
                Mode = n.ZeroHop ? NeighborhoodMode.ZeroHop : NeighborhoodMode.Standard,
                EarningWallet = WalletAddress.Parse(n.EarningWallet),
                Directory = n.ZeroHop ? null : directory,
                Options = new DataPathOptions { AllowLoopbackTargets = true, MaxChunkLength = n.MaxChunkLength, MaxRoutedChunkLength = n.MaxRoutedChunkLength }.WithEnvironment(Environment.GetEnvironmentVariable),
                Accountant = AccountantOptions.FromBenchmarkSwitch(Environment.GetEnvironmentVariable(AccountantOptions.BenchmarkSwitch)),
            };
        }).ToList();
        foreach (var spec in specs)
        {
            directory.Add(new RouteNode(spec.Main.PublicKey, spec.ClandestineEndpoint, spec.EarningWallet, spec.RatePack));
        }

        var mine = specs[index];
        if (index == 0 && mine.Mode != NeighborhoodMode.ZeroHop)
        {
            mine = mine with
            {
                ConsumingPrivateKey = config.ConsumingKey,
                Routes = [new FixedRoute(config.Over.Select(i => specs[i].Main.PublicKey).ToArray(), config.Back.Select(i => specs[i].Main.PublicKey).ToArray())],
            };
        }

        await using var node = await MeshNode.StartAsync(mine);
        Console.WriteLine("READY");
        while (await Console.In.ReadLineAsync() is not null)
        {
        }

        var problems = node.Logs.Entries.Where(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Warning).Take(5).ToList();
        foreach (var problem in problems)
        {
            await Console.Error.WriteLineAsync($"node {index}: {problem.Level} {problem.EventId} {problem.Message}");
        }

        return 0;
    }
}
