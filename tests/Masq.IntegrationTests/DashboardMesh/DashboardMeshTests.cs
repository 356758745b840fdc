using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Masq.IntegrationTests.DataPath.Harness;
using Masq.IntegrationTests.Infrastructure;
using Masq.IntegrationTests.Neighborhood;
using Masq.Lib.Ui;
using Masq.Lib.Ui.Messages;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Masq.IntegrationTests.DashboardMesh;

/// <summary>
/// Six standard relays of a <see cref="RealMesh"/>, each with its own earning wallet: the first alone, the others debut
/// to it (two at a time). The Daemon-launched Node of the test debuts to the last one. Its own destination and dnsmasq
/// (on 127.0.4.x, apart from the mesh tests' 127.0.1.153/200, which may be running beside it) serve <see cref="Host"/>.
/// </summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "xUnit disposes the mesh in IAsyncLifetime.DisposeAsync.")]
public sealed class DashboardMeshFixture : IAsyncLifetime
{
    public const int RelayCount = 6;

    public const string Host = "files.dashboard-mesh.masq.test";

    public static readonly IPAddress DestinationAddress = IPAddress.Parse("127.0.4.200");

    public static readonly IPAddress DnsAddress = IPAddress.Parse("127.0.4.153");

    private Destination? _destination;
    private Dnsmasq? _dns;
    private RealMesh? _mesh;

    internal RealMesh Mesh => _mesh ?? throw new InvalidOperationException("not initialized");

    internal Destination Destination => _destination ?? throw new InvalidOperationException("not initialized");

    internal IReadOnlyList<MeshMember> Relays { get; private set; } = [];

    /// <summary>Each relay's earning wallet (lower-case 0x address).</summary>
    internal IReadOnlyDictionary<MeshMember, string> EarningWallets { get; private set; } = new Dictionary<MeshMember, string>();

    public string BlobUrl(long length, int seed) => $"http://{Host}:{Destination.HttpPort}/blob/{length}/{seed}";

    internal static string NewWallet() => "0x" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));

    public async Task InitializeAsync()
    {
        _destination = await Destination.StartAsync(DestinationAddress, FreePorts.On(DestinationAddress), FreePorts.On(DestinationAddress), [Host]);
        _dns = await Dnsmasq.StartAsync(DnsAddress, new Dictionary<string, IPAddress> { [Host] = DestinationAddress });
        _mesh = new RealMesh(DnsAddress);
        var wallets = new Dictionary<MeshMember, string>();
        async Task<MeshMember> StartAsync(MeshNodeOptions options, string name)
        {
            var wallet = NewWallet();
            var member = await Mesh.StartNodeAsync(options with { ExtraArguments = ["--earning-wallet", wallet] }, name);
            lock (wallets)
            {
                wallets[member] = wallet;
            }

            return member;
        }

        var first = await StartAsync(MeshNodeOptions.Standard, "relay-0");
        var relays = new List<MeshMember> { first };
        for (int i = 1; i < RelayCount; i += 2)
        {
            var pair = Enumerable.Range(i, Math.Min(2, RelayCount - i))
                .Select(n => StartAsync(MeshNodeOptions.DebutTo(first), $"relay-{n.ToString(CultureInfo.InvariantCulture)}"));
            relays.AddRange(await Task.WhenAll(pair));
        }

        Relays = relays;
        EarningWallets = wallets;
    }

    public async Task DisposeAsync()
    {
        if (_mesh is not null)
        {
            await _mesh.DisposeAsync();
        }

        if (_dns is not null)
        {
            await _dns.DisposeAsync();
        }

        if (_destination is not null)
        {
            await _destination.DisposeAsync();
        }
    }
}

/// <summary>
/// The real dashboard, the real Daemon and the Node it launches joining a real mesh, driven in Debian's
/// Chromium: the wizard (join the network with a neighbor's descriptor), RouteFound on the Overview, a download through
/// the Node's proxy over a 3-hop route, the payables on the Accounting page (exactly what the Node's own financials
/// answer says) and the graph on the Neighborhood page.
/// </summary>
[Collection(IntegrationCollection.Name)]
[Trait("Category", "Browser")]
public sealed class DashboardMeshTests(DashboardMeshFixture fixture, ITestOutputHelper output) : IClassFixture<DashboardMeshFixture>
{
    public static readonly IPAddress NodeAddress = IPAddress.Parse("127.0.0.30");

    private const string Password = "mesh dashboard password";

    private static readonly LocatorAssertionsToContainTextOptions Patient = new() { Timeout = 60_000 };

    private static readonly LocatorAssertionsToContainTextOptions RouteWait = new() { Timeout = 180_000 };

    [Fact]
    public async Task A_user_joins_the_mesh_through_the_wizard_downloads_over_3_hops_and_sees_the_payables_and_the_graph()
    {
        var relays = fixture.Relays;
        await using var daemon = await DaemonProcess.StartAsync(new Dictionary<string, string> { ["MASQ_INTEGRATION_TEST"] = "true" });
        int clandestinePort = FreePortOn(NodeAddress);
        string consumingKey = NewConsumingPrivateKey();

        // What the wizard does not ask: the address and port other Nodes reach this one on, the consuming key, scans off
        // (no chain here: the payables are kept, not paid), and the mesh's DNS server for when this Node is an exit.
        var setup = await daemon.MasqAsync(
            "setup",
            "--ip", NodeAddress.ToString(),
            "--clandestine-port", clandestinePort.ToString(CultureInfo.InvariantCulture),
            "--consuming-private-key", consumingKey,
            "--scans", "off",
            "--dns-servers", DashboardMeshFixture.DnsAddress.ToString(),
            "--min-hops", "3");
        Assert.True(setup.ExitCode == 0, setup.ToString());

        await using var dashboard = await DashboardProcess.StartAsync(daemon);
        var (playwright, browser) = await Chromium.LaunchAsync();
        var pageErrors = new List<string>();
        var startFailures = new List<string>();
        try
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
            page.PageError += (_, error) => pageErrors.Add(error);
            page.Console += (_, message) =>
            {
                // Failed loads are reported with their URL below.
                if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
                {
                    pageErrors.Add("console: " + message.Text);
                }
            };
            page.Response += (_, response) =>
            {
                if (response.Status >= 400)
                {
                    pageErrors.Add($"HTTP {response.Status} {response.Url}");
                }
            };
            page.RequestFailed += (_, request) => pageErrors.Add($"request failed: {request.Url} {request.Failure}");

            // The wizard: join the network (standard) on the mesh's chain with a relay's descriptor as neighbor.
            await page.GotoAsync(dashboard.Link("/wizard"));
            await Assertions.Expect(page.Locator("#status-banner")).ToContainTextAsync("Daemon connected", Patient);
            await page.CheckAsync("input[name=mode][value=standard]");
            await page.SelectOptionAsync("#chain", RealMesh.Chain);
            var neighbor = relays[^1];
            await page.FillAsync("#neighbors", neighbor.Descriptor);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.Screenshot("mesh-wizard-mode.png"), FullPage = true });
            await page.ClickAsync("#mode-next");
            await page.FillAsync("#password1", Password);
            await page.FillAsync("#password2", Password);
            await page.ClickAsync("#password-next");
            await page.FillAsync("#blockchain-url", "http://127.0.0.1:8545");
            await page.ClickAsync("#blockchain-next");
            await Assertions.Expect(page.Locator("#step-start")).ToContainTextAsync(neighbor.Descriptor, Patient);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.Screenshot("mesh-wizard-start.png"), FullPage = true });
            await StartFromTheWizardAsync(page, startFailures);
            await Assertions.Expect(page.Locator("#status-banner")).ToContainTextAsync("Node: running", Patient);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.Screenshot("mesh-wizard-wallets.png"), FullPage = true });
            Assert.DoesNotContain(Password, await page.ContentAsync(), StringComparison.Ordinal);

            // The wallets step asks the Node (wallet-addresses) for wallets kept in its database. Its consuming key came
            // through the setup (--consuming-private-key, not kept as a wallet), so the Node answers MissingData and the
            // wizard offers to generate or recover wallets; the Node needs neither, so the user goes on to the Overview.
            var walletsOutcome = page.Locator("#wallets-existing, #choose-generate");
            await Assertions.Expect(walletsOutcome.First).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 60_000 });
            if (await page.Locator("#wallets-existing").IsVisibleAsync())
            {
                await page.ClickAsync("#wallets-continue");
                await Assertions.Expect(page.Locator("#step-finish")).ToContainTextAsync(daemon.ProxyPort.ToString(CultureInfo.InvariantCulture), Patient);
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.Screenshot("mesh-wizard-finish.png"), FullPage = true });
                await page.ClickAsync("#finish");
            }
            else
            {
                output.WriteLine("The wallets step offers generate/recover (the Node keeps no wallets: its consuming key came through the setup); going to the Overview.");
                await page.ClickAsync("nav >> text=Overview");
            }

            // The Overview follows the Node to RouteFound.
            await Assertions.Expect(page.Locator("#node-state")).ToContainTextAsync("running", Patient);
            await Assertions.Expect(page.Locator("#mode")).ToContainTextAsync("standard", Patient);
            await Assertions.Expect(page.Locator("#connection-stage")).ToContainTextAsync("RouteFound", RouteWait);
            await Assertions.Expect(page.Locator("#descriptor")).ToContainTextAsync($"@{NodeAddress}:{clandestinePort}", Patient);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.Screenshot("mesh-overview-route-found.png"), FullPage = true });

            // A download through the Node's proxy over a 3-hop route, byte for byte.
            const long length = 2 * 1024 * 1024;
            const int seed = 61;
            var expected = Blob.Bytes(length, seed);
            using (var handler = new SocketsHttpHandler { Proxy = new WebProxy($"http://127.0.0.1:{daemon.ProxyPort}"), UseProxy = true })
            using (var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(120) })
            {
                var body = await client.GetByteArrayAsync(fixture.BlobUrl(length, seed));
                Assert.True(body.AsSpan().SequenceEqual(expected), $"got {body.Length} of {length} bytes, sha256 {MeshEnvironment.Sha256Of(body)}");
            }

            await Assertions.Expect(page.Locator("#traffic-table")).ToContainTextAsync("Consumed", Patient);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.Screenshot("mesh-overview-traffic.png"), FullPage = true });

            // Accounting: one payable row per serving wallet, amounts above zero, exactly what the Node answers.
            await page.GotoAsync(dashboard.Link("/accounting"));
            var (pageRows, nodeRows) = await WaitForMatchingPayablesAsync(page, daemon, TimeSpan.FromSeconds(90));
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.Screenshot("mesh-accounting.png"), FullPage = true });
            var relayWallets = fixture.EarningWallets.Values.ToHashSet(StringComparer.OrdinalIgnoreCase);
            string Rows() => $"page: {string.Join(", ", pageRows.Select(r => $"{r.Wallet}={r.Gwei}"))}\nnode: {string.Join(", ", nodeRows.Select(r => $"{r.Wallet}={r.BalanceGwei}"))}";
            Assert.True(nodeRows.Count >= 3, $"a 3-hop route is served by 3 other Nodes (2 routing, 1 exit), but the Node has {nodeRows.Count} payables\n{Rows()}");
            Assert.All(nodeRows, r => Assert.True(r.BalanceGwei > 0, $"{r.Wallet} has a balance of {r.BalanceGwei} gwei\n{Rows()}"));
            Assert.All(nodeRows, r => Assert.True(relayWallets.Contains(r.Wallet), $"{r.Wallet} is no relay's earning wallet ({string.Join(", ", relayWallets)})\n{Rows()}"));
            Assert.Equal(nodeRows.Count, nodeRows.Select(r => r.Wallet.ToLowerInvariant()).Distinct().Count());
            await Assertions.Expect(page.Locator("#totals")).ToContainTextAsync("Unpaid and pending payable", Patient);
            output.WriteLine(Rows());

            // The Neighborhood page draws the graph with this Node highlighted.
            await page.GotoAsync(dashboard.Link("/neighborhood"));
            var graph = page.Locator("#graph-card svg.graph");
            await Assertions.Expect(graph).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 60_000 });
            await Assertions.Expect(page.Locator("#graph-card g.node.local")).ToHaveCountAsync(1, new LocatorAssertionsToHaveCountOptions { Timeout = 30_000 });
            var local = page.Locator("#graph-card g.node.local");
            await Assertions.Expect(local).ToContainTextAsync($"{NodeAddress}:{clandestinePort}", Patient);
            int drawn = await page.Locator("#graph-card g.node").CountAsync();
            Assert.True(drawn >= 4, $"the graph shows {drawn} Nodes");
            int localEdges = await page.Locator("#graph-card path.edge.local-edge").CountAsync();
            Assert.True(localEdges >= 1, "no edge touches the local Node");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.Screenshot("mesh-neighborhood.png"), FullPage = true });

            Assert.True(pageErrors.Count == 0, "page errors:\n" + string.Join("\n", pageErrors));
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            throw new InvalidOperationException($"{e.Message}\n--- dashboard\n{Tail(dashboard.Output)}\n--- daemon\n{Tail(daemon.Output)}\n{fixture.Mesh.Report(lines: 15)}", e);
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    /// <summary>
    /// Presses "Save and start" until the wizard goes on to the wallets. On this busy two-core machine the Daemon may
    /// kill a first-start Node (creating its database) that has not opened its UI port within the Daemon's fixed 20 s
    /// (NodeLauncherOptions.VerificationTimeout); the wizard then shows the error and stays on the Start step, and the
    /// user presses the button again. The failures are kept for the report (and the test's output).
    /// </summary>
    private async Task StartFromTheWizardAsync(IPage page, List<string> failures)
    {
        const int attempts = 4;
        for (int attempt = 1; ; attempt++)
        {
            await Assertions.Expect(page.Locator("#start-node")).ToBeEnabledAsync(new LocatorAssertionsToBeEnabledOptions { Timeout = 60_000 });
            await page.ClickAsync("#start-node");
            var outcome = page.Locator("#step-wallets, #step-start p.error");
            await Assertions.Expect(outcome.First).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 120_000 });
            if (await page.Locator("#step-wallets").IsVisibleAsync())
            {
                return;
            }

            string error = await page.Locator("#step-start p.error").InnerTextAsync();
            failures.Add($"attempt {attempt}: {error}");
            output.WriteLine($"Save and start, attempt {attempt}, failed: {error}");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.Screenshot($"mesh-wizard-start-failed-{attempt}.png"), FullPage = true });
            Assert.True(attempt < attempts, "the Node did not start:\n" + string.Join("\n", failures));
        }
    }

    /// <summary>A Playwright page reading the payables table of the Accounting page (live top records).</summary>
    internal static async Task<IReadOnlyList<(string Wallet, ulong Gwei)>> PayableRowsOnPageAsync(IPage page)
    {
        var cells = await page.Locator("#records table.payables tbody tr").EvaluateAllAsync<string[][]>(
            "rows => rows.map(r => Array.from(r.querySelectorAll('td')).map(td => td.textContent.trim()))");
        return [.. cells.Where(c => c.Length >= 5).Select(c => (c[1], ulong.Parse(c[4], NumberStyles.AllowThousands, CultureInfo.InvariantCulture)))];
    }

    /// <summary>The Node's own financials answer (the dashboard's request: stats and the top 100 by balance), over a bare hub connection.</summary>
    internal static async Task<UiFinancialsResponse> NodeFinancialsAsync(DaemonProcess daemon)
    {
        var request = UiEnvelope.From(new UiFinancialsRequest(true, new UiTopRecordsConfig(100, UiTopRecordsOrdering.Balance)), 4711);
        await using var toDaemon = await RawHubConnection.ConnectAsync(daemon.UiPort);
        await toDaemon.SendAsync(request);
        var redirect = (await toDaemon.ReceiveAsync(Opcodes.Redirect, TimeSpan.FromSeconds(30))).GetPayload<UiRedirect>();
        await using var toNode = await RawHubConnection.ConnectAsync(redirect.Port);
        await toNode.SendAsync(request);
        var answer = await toNode.ReceiveAsync(Opcodes.Financials, TimeSpan.FromSeconds(30));
        Assert.True(answer.Error is null, $"financials failed: {answer.Error}");
        return answer.GetPayload<UiFinancialsResponse>();
    }

    /// <summary>
    /// Waits until the payables the page shows are exactly those the Node reports (the dashboard reads them on its own
    /// schedule, so they may lag a moment) and are not empty; fails with both lists.
    /// </summary>
    private static async Task<(IReadOnlyList<(string Wallet, ulong Gwei)> Page, IReadOnlyList<UiPayableAccount> Node)> WaitForMatchingPayablesAsync(
        IPage page, DaemonProcess daemon, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var pageRows = await PayableRowsOnPageAsync(page);
            var nodeRows = (await NodeFinancialsAsync(daemon)).QueryResultsOpt?.PayableOpt ?? [];
            var pageSet = pageRows.Select(r => $"{r.Wallet.ToLowerInvariant()}={r.Gwei}").Order(StringComparer.Ordinal).ToList();
            var nodeSet = nodeRows.Select(r => $"{r.Wallet.ToLowerInvariant()}={r.BalanceGwei}").Order(StringComparer.Ordinal).ToList();
            if (nodeSet.Count > 0 && pageSet.SequenceEqual(nodeSet))
            {
                return (pageRows, nodeRows);
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"the Accounting page's payables do not match the Node's financials after {timeout.TotalSeconds:0} s\npage: {string.Join(", ", pageSet)}\nnode: {string.Join(", ", nodeSet)}");
            }

            await Task.Delay(1000);
        }
    }

    internal static int FreePortOn(IPAddress address)
    {
        for (int port = 30000 + Random.Shared.Next(0, 2000); ; port++)
        {
            try
            {
                using var listener = new TcpListener(address, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
            }
        }
    }

    internal static string NewConsumingPrivateKey()
    {
        while (true)
        {
            byte[] key = RandomNumberGenerator.GetBytes(32);
            if (key[0] != 0xff && key.Any(b => b != 0))
            {
                return Convert.ToHexStringLower(key);
            }
        }
    }

    private static string Tail(string text, int lines = 40) =>
        string.Join('\n', text.Split('\n').TakeLast(lines));
}
