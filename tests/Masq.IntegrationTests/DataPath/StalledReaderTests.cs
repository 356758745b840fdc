using System.Security.Cryptography;
using Masq.IntegrationTests.DataPath.Harness;
using Masq.Node.DataPath;
using Masq.Node.Networking;
using Microsoft.Extensions.DependencyInjection;

namespace Masq.IntegrationTests.DataPath;

/// <summary>
/// Per-stream flow control (protocol.md §4) through three hops: a browser that stops reading parks at most its stream's
/// window in the Nodes, other streams through the same links keep working meanwhile, and once the stalled stream has
/// made no progress for <see cref="DataPathOptions.StreamProgressTimeout"/> it ends, alone.
/// </summary>
[Collection(DataPathCollection.Name)]
public sealed class StalledReaderTests(DataPathFixture fixture)
{
    [Fact]
    public async Task A_browser_that_stops_reading_holds_up_no_other_stream_and_its_stream_ends_after_the_progress_timeout()
    {
        var (count, route) = TestMesh.Straight(3, distinctBackRelays: true);
        await using var mesh = await TestMesh.StartAsync(count, [route], (_, spec) => spec with
        {
            DnsServers = [DataPathFixture.GoodDnsAddress],
            Options = spec.Options with { StreamProgressTimeout = TimeSpan.FromSeconds(3), HousekeepingInterval = TimeSpan.FromMilliseconds(200) },
        });

        // 256 MiB: far more than the stalled browser's socket buffers and its stream's window can hold.
        await using var stalled = await RawBrowser.ConnectAsync(mesh.Originator.Spec.ProxyPort);
        var url = new Uri(fixture.HttpUrl("/blob/268435456/31"));
        await stalled.SendAsync($"GET {url} HTTP/1.1\r\nHost: {url.Authority}\r\n\r\n");

        // Every stream on the route's links (there is only this route) still gets its answers, and intact.
        using (var client = fixture.ClientThrough(mesh.Originator.ProxyUri))
        {
            client.Timeout = TimeSpan.FromSeconds(30);
            for (int i = 0; i < 5; i++)
            {
                byte[] body = await client.GetByteArrayAsync(fixture.HttpUrl($"/blob/300000/{40 + i}"));
                Assert.Equal(Blob.Sha256(300_000, 40 + i), Convert.ToHexStringLower(SHA256.HashData(body)));
            }
        }

        // The stalled stream ends on its own (its browser connection is closed); nothing else was ended.
        await MultiHopTests.WaitUntilAsync(() => mesh.Originator.Logs.Count(DataPathEventIds.StreamExpired) >= 1 && mesh.Originator.ProxyServer.StreamCount == 0);
        Assert.Equal(1, mesh.Originator.Logs.Count(DataPathEventIds.StreamExpired));
        Assert.All(mesh.Nodes, n => Assert.Equal(0, n.Logs.Count(DataPathEventIds.RouteDead) + n.Logs.Count(DataPathEventIds.StreamOverWindow) + n.Logs.Count(DataPathEventIds.ExitOverWindow)));
        Assert.All(mesh.Nodes, n => Assert.Null(n.Failure.Reason));
    }

    [Fact]
    public async Task A_browser_that_vanishes_while_its_stream_waits_to_write_to_it_ends_the_stream_at_once_and_frees_what_it_held()
    {
        // The progress timeout is far away: only the browser's going can end the stream within the wait below.
        var (count, route) = TestMesh.Straight(3, distinctBackRelays: true);
        await using var mesh = await TestMesh.StartAsync(count, [route], (_, spec) => spec with
        {
            DnsServers = [DataPathFixture.GoodDnsAddress],
            Options = spec.Options with { StreamProgressTimeout = TimeSpan.FromMinutes(10), HousekeepingInterval = TimeSpan.FromMilliseconds(200) },
        });
        var budget = mesh.Originator.Services.GetRequiredService<BufferBudget>();
        var url = new Uri(fixture.HttpUrl("/blob/268435456/33"));
        var browser = await RawBrowser.ConnectAsync(mesh.Originator.Spec.ProxyPort);
        try
        {
            // It stops reading: its socket fills, the Node's write to it waits, and the stream holds response bytes.
            await browser.SendAsync($"GET {url} HTTP/1.1\r\nHost: {url.Authority}\r\n\r\n");
            await MultiHopTests.WaitUntilAsync(() => mesh.Originator.ProxyServer.Streams is [{ } only] && only.ResponseCredit.Buffered > 0);
        }
        finally
        {
            // Then it is gone, with unread bytes: a reset, which fails the Node's waiting write.
            await browser.DisposeAsync();
        }

        await MultiHopTests.WaitUntilAsync(
            () => mesh.Originator.ProxyServer.StreamCount == 0 && budget.Total == 0,
            () => $"({mesh.Originator.ProxyServer.StreamCount} streams open, {budget.Total} bytes counted by the budget)");
        Assert.All(mesh.Nodes, n => Assert.Null(n.Failure.Reason));
    }

    [Fact]
    public async Task What_stalled_streams_hold_counts_in_the_buffer_budget_which_ends_the_hungriest_when_they_hold_too_much()
    {
        // Room for one stalled stream's window and what the links hold, not for three stalled streams: a stalled stream
        // holds more than half its window (it is granted more only after the browser took half a window).
        int window = new DataPathOptions().EffectiveStreamWindow;
        long budgetLimit = window + (512 * 1024);
        var (count, route) = TestMesh.Straight(1, distinctBackRelays: false);
        await using var mesh = await TestMesh.StartAsync(count, [route], (_, spec) => spec with
        {
            DnsServers = [DataPathFixture.GoodDnsAddress],
            // A fixed window (no auto-tuning), so what one stalled stream holds is known.
            Options = spec.Options with { MaxStreamWindow = window, MaxBufferedBytes = budgetLimit, ClosedStreamLinger = TimeSpan.FromSeconds(2), HousekeepingInterval = TimeSpan.FromMilliseconds(200) },
        });
        var budget = mesh.Originator.Services.GetRequiredService<BufferBudget>();
        var url = new Uri(fixture.HttpUrl("/blob/268435456/32"));
        var browsers = new List<RawBrowser>();
        try
        {
            // One browser that stops reading: once its socket is full, its stream's window fills, and the budget counts it.
            browsers.Add(await RawBrowser.ConnectAsync(mesh.Originator.Spec.ProxyPort));
            await browsers[0].SendAsync($"GET {url} HTTP/1.1\r\nHost: {url.Authority}\r\n\r\n");
            await MultiHopTests.WaitUntilAsync(() => mesh.Originator.ProxyServer.Streams is [{ } only] && only.ResponseCredit.Buffered > window / 2);
            var stream = Assert.Single(mesh.Originator.ProxyServer.Streams);
            long held = stream.ResponseCredit.Buffered;
            Assert.InRange(held, (window / 2) + 1, window);
            Assert.True(budget.Total >= held, $"the budget counts {budget.Total} bytes, the stalled stream holds {held}");
            Assert.Equal(0, mesh.Originator.Logs.Count(DataPathEventIds.OverBudget));

            // Two more would take the Node over its budget: the hungriest streams end, and the budget holds.
            for (int i = 1; i < 3; i++)
            {
                browsers.Add(await RawBrowser.ConnectAsync(mesh.Originator.Spec.ProxyPort));
                await browsers[i].SendAsync($"GET {url} HTTP/1.1\r\nHost: {url.Authority}\r\n\r\n");
            }

            await MultiHopTests.WaitUntilAsync(() => mesh.Originator.Logs.Count(DataPathEventIds.OverBudget) >= 1);
            Assert.True(budget.Total <= budgetLimit, $"{budget.Total} bytes buffered against a budget of {budgetLimit}");
            Assert.True(mesh.Originator.ProxyServer.StreamCount < 3, $"{mesh.Originator.ProxyServer.StreamCount} streams still open");
        }
        finally
        {
            foreach (var browser in browsers)
            {
                await browser.DisposeAsync();
            }
        }

        // The streams gone and their browsers closed, everything they held is released.
        await MultiHopTests.WaitUntilAsync(
            () => mesh.Originator.ProxyServer.StreamCount == 0 && budget.Total == 0,
            () => $"({mesh.Originator.ProxyServer.StreamCount} streams open, {budget.Total} bytes counted by the budget, {budget.Pool.Outstanding} pool bytes handed out)");
        Assert.All(mesh.Nodes, n => Assert.Null(n.Failure.Reason));
    }
}
