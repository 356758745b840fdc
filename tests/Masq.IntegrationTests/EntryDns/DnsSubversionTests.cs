using Masq.IntegrationTests.Architecture;
using Masq.IntegrationTests.Infrastructure;

namespace Masq.IntegrationTests.EntryDns;

/// <summary>
/// DNS subversion end to end, each scenario a script run as PID 1 of its own mount, network and PID namespaces
/// (<c>unshare -m -n -p --fork --mount-proc</c>): /etc is a scratch overlay there, so dns_utility changes the real path
/// /etc/resolv.conf with real renames while this machine's resolver is never touched, and every process the scenario
/// starts (Nodes, web servers, dnsmasq) dies with it. The scripts leave their results in files; the tests compare them.
/// </summary>
[Collection(EntryDnsCollection.Name)]
public sealed class DnsSubversionTests : IDisposable
{
    private readonly TestDirectory _directory = new();

    private string Out => Path.Combine(_directory.Path, "out");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task With_dns_utility_subvert_curl_and_chromium_with_no_proxy_reach_a_real_server_through_three_hops_and_revert_restores_both_layouts()
    {
        var result = await RunScenarioAsync("browse-with-dns-subversion.sh", new Dictionary<string, string>
        {
            ["MASQ"] = MasqBinaries.Cli,
            ["MASQ_NODE_PATH"] = MasqBinaries.Node,
        }, TimeSpan.FromMinutes(12));
        Assert.True(result.ExitCode == 0, result.Output);

        // One Node of the localnet serves entry DNS and holds the browser ports (the one that started first).
        Assert.Single(Lines("entry-dns-nodes.txt"));
        Assert.Equal(Lines("entry-dns-nodes.txt"), Lines("browser-port-nodes.txt"));
        string served = Text("served.sha256");
        string serverCertificate = Text("server-cert.sha256");
        foreach (var layout in new[] { "plain", "symlink" })
        {
            Assert.Equal("0", Text($"{layout}-subvert.rc"));
            Assert.Contains(layout == "plain" ? "as a plain file" : "as a symbolic link to systemd-resolved's file", Text($"{layout}-subvert.txt"), StringComparison.Ordinal);
            Assert.Equal("2", Text($"{layout}-subvert-again.rc"));
            Assert.StartsWith("subverted", Text($"{layout}-status.txt"), StringComparison.Ordinal);
            Assert.Contains("\nnameserver 127.0.0.1\n", Text($"{layout}-subverted"), StringComparison.Ordinal);
            Assert.Single(Lines($"{layout}-subverted"), l => l.StartsWith("nameserver", StringComparison.Ordinal));

            // The entry DNS answers every name with 127.0.0.1, and AAAA with nothing.
            Assert.Equal(["127.0.0.1", "anything.test"], Text($"{layout}-getent.txt").Split(' ', StringSplitOptions.RemoveEmptyEntries));
            Assert.NotEqual("0", Text($"{layout}-getent-v6.rc"));

            // curl with no proxy options: the page through a 3-hop route, byte for byte; HTTPS by SNI with the web
            // server's own certificate, so the Node never held the TLS session.
            Assert.Equal(served, Text($"{layout}-http.sha256"));
            Assert.Equal("0", Text($"{layout}-https.rc"));
            Assert.Equal(served, Text($"{layout}-https.sha256"));
            Assert.Equal(serverCertificate, Text($"{layout}-seen-cert.sha256"));

            // revert: the original back, byte for byte (the symbolic link as the same link, its target untouched).
            Assert.Equal("0", Text($"{layout}-revert.rc"));
            Assert.Equal("2", Text($"{layout}-revert-again.rc"));
            Assert.Equal(Text($"{layout}-before.txt"), Text($"{layout}-after.txt"));
            Assert.Equal(File.ReadAllBytes(Path.Combine(Out, $"{layout}-original")), File.ReadAllBytes(Path.Combine(Out, $"{layout}-restored")));
            Assert.Equal(string.Empty, Text($"{layout}-leftovers.txt"));
        }

        Assert.StartsWith("link:../run/systemd/resolve/stub-resolv.conf", Text("symlink-after.txt"), StringComparison.Ordinal);

        // Debian's Chromium, with no proxy settings, loads the page over HTTP and over HTTPS (the server's certificate).
        Assert.True(File.Exists("/usr/bin/chromium"), "Chromium is missing: run scripts/install-test-deps.sh");
        Assert.Contains("served by the real site.test", Text("chromium-http.html"), StringComparison.Ordinal);
        Assert.Contains("served by the real site.test", Text("chromium-https.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dns_utility_killed_at_every_step_leaves_the_old_or_the_new_configuration_and_revert_restores_it()
    {
        var result = await RunScenarioAsync("crash-during-switch.sh", new Dictionary<string, string>
        {
            ["DNS_UTILITY_STEPS"] = MasqBinaries.DnsUtilityWithStepHooks,
        }, TimeSpan.FromMinutes(5));
        Assert.True(result.ExitCode == 0, result.Output);

        var cases = Lines("crashes.txt");
        Assert.Equal(2 * (5 + 2 + 1), cases.Count);
        foreach (var line in cases)
        {
            // LAYOUT COMMAND STEP STATE-AFTER-KILL REVERT-RC RESTORED [LEFTOVERS]
            var fields = line.Split(' ', 7);
            string step = fields[2];
            string expectedState = fields[1] switch
            {
                "subvert" => step is "backup-made" or "backup-placed" or "backup-synced" or "subverted-written" ? "old" : "new",
                "revert" => step == "revert-started" ? "new" : "old",
                _ => "new",
            };
            Assert.True(fields[3] == expectedState, $"{line}: expected the {expectedState} configuration after the kill");
            Assert.True(fields[4] == (expectedState == "new" ? "0" : "2"), $"{line}: revert's exit code");
            Assert.True(fields[5] == "yes", $"{line}: revert did not restore the original byte for byte");
            Assert.True(fields[6] == "[]", $"{line}: files left in /etc");
        }

        Assert.Equal("4", Text("not-root.rc"));
        Assert.Contains("needs root", Text("not-root.txt"), StringComparison.Ordinal);
        Assert.Equal("3", Text("mount-point.rc"));
        Assert.Contains("mount point", Text("mount-point.txt"), StringComparison.Ordinal);
        Assert.Equal("3", Text("unknown-link.rc"));
        Assert.Contains("/srv/elsewhere/resolv.conf", Text("unknown-link.txt"), StringComparison.Ordinal);

        // NetworkManager's file: recognised, subverted with a warning; once NetworkManager has rewritten it, status
        // says so and revert only removes the backup that no longer applies.
        Assert.Contains("managed by NetworkManager", Text("nm-file-subvert.txt"), StringComparison.Ordinal);
        Assert.Contains("NetworkManager writes this file itself", Text("nm-file-subvert.txt"), StringComparison.Ordinal);
        Assert.StartsWith("reverted", Text("nm-file-status.txt"), StringComparison.Ordinal);
        Assert.Equal("2", Text("nm-file-revert.rc"));
        Assert.Contains("removed the unused backup", Text("nm-file-revert.txt"), StringComparison.Ordinal);
        Assert.Equal(string.Empty, Text("nm-file-leftovers.txt"));
        Assert.Contains("a symbolic link to NetworkManager's file", Text("nm-link-subvert.txt"), StringComparison.Ordinal);
        Assert.Contains("Original (a symbolic link to NetworkManager's file -> /run/NetworkManager/resolv.conf), restored by revert: 198.51.100.1", Text("nm-link-inspect.txt"), StringComparison.Ordinal);
        Assert.Equal("link:/run/NetworkManager/resolv.conf", Text("nm-link-after.txt"));
    }

    private async Task<(int ExitCode, string Output)> RunScenarioAsync(string script, Dictionary<string, string> environment, TimeSpan timeout)
    {
        string path = Path.Combine(DependencyRuleTests.RepositoryRoot(), "tests", "Masq.IntegrationTests", "EntryDns", script);
        environment["WORK"] = Path.Combine(_directory.Path, "work");
        environment["OUT"] = Out;
        environment["DNS_UTILITY"] = MasqBinaries.DnsUtility;
        var result = await ProcessRunner.RunAsync("unshare", ["-m", "-n", "-p", "--fork", "--mount-proc", "bash", path], environment, timeout: timeout);
        return (result.ExitCode, $"{script} exited {result.ExitCode}\nstdout: {result.StandardOutput}\nstderr: {result.StandardError}");
    }

    private string Text(string name) => File.ReadAllText(Path.Combine(Out, name)).Trim();

    private List<string> Lines(string name) => [.. File.ReadAllLines(Path.Combine(Out, name)).Where(l => l.Length > 0)];
}
