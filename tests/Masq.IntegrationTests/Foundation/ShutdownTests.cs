using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using Masq.IntegrationTests.Infrastructure;
using Masq.IntegrationTests.MoneyMesh;
using Masq.IntegrationTests.Neighborhood;
using Masq.Lib.Ui.Messages;

namespace Masq.IntegrationTests.Foundation;

/// <summary>
/// Every way of stopping a Node while traffic flows ends in a clean exit (code 0, no unhandled exception in
/// its output or log) with its last charges in the database. Two real Nodes (a 1-hop route, each with its own earning
/// wallet, so the originator owes the exit) and a download throttled by curl that is still running when the
/// originator is stopped.
/// </summary>
[Collection(MeshCollection.Name)]
public sealed class ShutdownTests(MeshEnvironment environment) : IClassFixture<MeshEnvironment>
{
    /// <summary>Failure guards only.</summary>
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ChargesTimeout = TimeSpan.FromSeconds(90);

    [Theory]
    [InlineData("UI shutdown")]
    [InlineData("SIGTERM")]
    [InlineData("SIGINT")]
    public async Task A_Node_stopped_while_traffic_flows_exits_0_with_its_last_charges_written(string how)
    {
        var mesh = environment.Mesh;
        var exitWallet = NewWallet();
        var exit = await mesh.StartNodeAsync(MeshNodeOptions.Standard with { EarningWallet = exitWallet }, $"shutdown-exit-{Tag(how)}");
        var originator = await mesh.StartNodeAsync(MeshNodeOptions.DebutTo(exit) with { MinHops = 1, EarningWallet = NewWallet() }, $"shutdown-originator-{Tag(how)}");
        await mesh.WaitForStageAsync(originator, UiConnectionStage.RouteFound, MeshEnvironment.RouteTimeout);

        // 200 MB at 2 MB/s: the download is still running when the originator is stopped.
        var download = ProcessRunner.RunAsync(
            "curl",
            ["-sS", "--max-time", "150", "--limit-rate", "2M", "-x", originator.ProxyUri.ToString(), "-o", "/dev/null", environment.BlobUrl(200_000_000, 71)],
            timeout: TimeSpan.FromSeconds(180));

        // Traffic flows and is charged: the originator's Accountant has written a payable to the exit (its batches are
        // written at most a second after the charges).
        var written = await WaitForPayableAsync(originator, exitWallet, BigInteger.Zero);
#pragma warning disable xUnit1031 // read only once the task has completed, so it does not block
        Assert.False(download.IsCompleted, $"the download ended before the shutdown: {(download.IsCompleted ? download.Result.StandardError : string.Empty)}");
#pragma warning restore xUnit1031

        switch (how)
        {
            case "UI shutdown":
                // The UI's shutdown request on the Node's own UI port (through a Daemon: DashboardFollowsTheNodeTests).
                await originator.StopAsync();
                break;
            default:
                var kill = await ProcessRunner.RunAsync("kill", ["-s", how[3..], originator.ProcessId!.Value.ToString(CultureInfo.InvariantCulture)]);
                Assert.Equal(0, kill.ExitCode);
                break;
        }

        var exitCode = await originator.WaitForExitAsync(ExitTimeout);
        var output = originator.Output;
        var log = originator.ReadLogFile();
        Assert.True(exitCode == 0, $"after {how} the Node exited with {exitCode?.ToString(CultureInfo.InvariantCulture) ?? "nothing (still running)"}:\n{output}");
        foreach (var text in new[] { output, log })
        {
            Assert.DoesNotContain("Unhandled exception", text, StringComparison.Ordinal);
            Assert.DoesNotContain("ObjectDisposedException", text, StringComparison.Ordinal);
        }

        Assert.Contains("Accountant stopped after", log, StringComparison.Ordinal);
        Assert.Contains("(0 wallets left unwritten)", log, StringComparison.Ordinal);
        var finished = await download;
        Assert.NotEqual(0, finished.ExitCode);

        // The last charges: the Accountant's final write left nothing unwritten (checked in its log above), nothing was
        // lost from the database, and the originator owes no more than the exit says it served (the exit also charges
        // what was on its way when the link closed). Whether charges were still in memory at the signal is timing, so
        // the payable may equal the one seen while the traffic flowed.
        var payable = NodeLedger.Payables(originator.DatabaseFile)[exitWallet].BalanceWei;
        Assert.True(payable >= written, $"the payable to the exit fell from {written} wei to {payable} wei after {how}");
        var payer = Payer(originator);
        var receivable = await WaitForReceivableAsync(exit, payer, payable);
        Assert.True(payable <= receivable, $"the originator owes {payable} wei, the exit recorded {receivable} wei");

        await exit.StopAsync();
    }

    private static string Tag(string how) => how.Replace(' ', '-').ToLowerInvariant();

    private static string NewWallet() => "0x" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));

    /// <summary>The originator's consuming wallet (the payer the exit charges), from its private key.</summary>
    private static string Payer(MeshMember originator) =>
        new Nethereum.Signer.EthECKey(originator.ConsumingPrivateKey).GetPublicAddress();

    private static async Task<BigInteger> WaitForPayableAsync(MeshMember member, string wallet, BigInteger above)
    {
        var deadline = DateTime.UtcNow + ChargesTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (NodeLedger.Payables(member.DatabaseFile).TryGetValue(wallet, out var row) && row.BalanceWei > above)
            {
                return row.BalanceWei;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{member} wrote no payable to {wallet} above {above} wei:\n{member.Tail()}");
    }

    /// <summary>The exit's receivable against <paramref name="payer"/> once it reaches <paramref name="atLeast"/> (or the guard ends).</summary>
    private static async Task<BigInteger> WaitForReceivableAsync(MeshMember member, string payer, BigInteger atLeast)
    {
        var deadline = DateTime.UtcNow + ChargesTimeout;
        var last = BigInteger.Zero;
        while (DateTime.UtcNow < deadline)
        {
            if (NodeLedger.Receivables(member.DatabaseFile).TryGetValue(payer, out var wei))
            {
                last = wei;
                if (wei >= atLeast)
                {
                    return wei;
                }
            }

            await Task.Delay(200);
        }

        return last;
    }
}
