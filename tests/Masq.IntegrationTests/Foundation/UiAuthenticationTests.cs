using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Masq.IntegrationTests.Infrastructure;
using Masq.Lib.Ui;

namespace Masq.IntegrationTests.Foundation;

/// <summary>
/// An unprivileged local user ("nobody", through setpriv) against a root Daemon: it cannot read the UI cookie, cannot
/// connect without it, cannot make a Node root through real-user, cannot get a file chowned through a symlink in its
/// data directory, and the Node it may start keeps none of root's groups. Only meaningful as root; otherwise it returns.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed partial class UiAuthenticationTests
{
    private const string Nobody = "65534";

    [Fact]
    public async Task Nobody_can_neither_read_the_cookie_nor_drive_a_root_Daemon_while_root_can()
    {
        if (!IsRoot())
        {
            return;
        }
        await using var daemon = await DaemonProcess.StartAsync();
        var port = daemon.UiPort.ToString(CultureInfo.InvariantCulture);
        var cookie = Path.Combine(UiCookie.SystemDirectory, UiCookie.FileName(daemon.UiPort));
        Assert.Equal("0:600", await StatAsync("%u:%a", cookie));
        Assert.Equal("0:755", await StatAsync("%u:%a", UiCookie.SystemDirectory));

        var read = await AsNobodyAsync("cat", [cookie]);
        Assert.NotEqual(0, read.ExitCode);
        Assert.Contains("Permission denied", read.StandardError, StringComparison.Ordinal);

        var setup = await AsNobodyAsync(MasqBinaries.Cli, ["--ui-port", port, "setup"]);
        Assert.Equal(1, setup.ExitCode);
        Assert.Contains($"refused this user: this user (nobody) may not read {cookie}", setup.StandardError, StringComparison.Ordinal);
        var realUser = await AsNobodyAsync(MasqBinaries.Cli, ["--ui-port", port, "setup", "--real-user", "0:0:/root"]);
        Assert.Equal(1, realUser.ExitCode);
        Assert.Contains("refused this user", realUser.StandardError, StringComparison.Ordinal);

        var asRoot = await daemon.MasqAsync("setup");
        Assert.True(asRoot.ExitCode == 0, asRoot.ToString());

        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.Unauthorized, await NegotiateAsync(http, daemon.UiPort, null));
        Assert.Equal(HttpStatusCode.Unauthorized, await NegotiateAsync(http, daemon.UiPort, UiCookie.AuthorizationValue(UiCookie.NewSecret())));
        Assert.Equal(HttpStatusCode.Unauthorized, await NegotiateAsync(http, daemon.UiPort, "MasqCookie "));
        Assert.True(UiCookie.TryRead(cookie, out var secret, out var problem), problem);
        Assert.Equal(HttpStatusCode.OK, await NegotiateAsync(http, daemon.UiPort, UiCookie.AuthorizationValue(secret)));
        await Assert.ThrowsAnyAsync<Exception>(() => RawHubConnection.ConnectAsync(daemon.UiPort, presentCookie: false));

        // Refusals are logged once per interval with a count, not once per request.
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await NegotiateAsync(http, daemon.UiPort, null));
        }
        string log;
        await using (var stream = new FileStream(DaemonLog(daemon), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        {
            log = await new StreamReader(stream).ReadToEndAsync();
        }
        Assert.InRange(Regex.Count(log, "Refused a UI request"), 1, 2);
    }

    [Fact]
    public async Task The_user_a_root_Daemon_serves_cannot_make_a_root_Node_nor_chown_through_a_symlink_and_its_Node_has_no_root_groups()
    {
        if (!IsRoot())
        {
            return;
        }
        // The Daemon as `sudo` started it for "nobody": the cookie is nobody's, so nobody is the caller.
        await using var daemon = await DaemonProcess.StartAsync(new Dictionary<string, string>
        {
            ["SUDO_UID"] = Nobody,
            ["SUDO_GID"] = Nobody,
            ["MASQ_ALLOW_ROOT"] = "0",
        });
        var port = daemon.UiPort.ToString(CultureInfo.InvariantCulture);
        var cookie = Path.Combine(UiCookie.SystemDirectory, UiCookie.FileName(daemon.UiPort));
        Assert.Equal($"{Nobody}:600", await StatAsync("%u:%a", cookie));

        foreach (var (value, refusal) in new[]
        {
            ("0:0:/root", "would run the Node as root"),
            ("0::/root", "would run the Node as root"),
            ($"{Nobody}:0:/tmp", "would run the Node as root"),
            ("1:1:/tmp", "real-user may only name the user this Daemon serves (uid 65534)"),
        })
        {
            var attempt = await AsNobodyAsync(MasqBinaries.Cli, ["--ui-port", port, "setup", "--real-user", value]);
            Assert.Contains(refusal, attempt.StandardOutput + attempt.StandardError, StringComparison.Ordinal);
        }

        // A data directory holding a symlink to a root-only file.
        var base_ = Path.Combine(Path.GetTempPath(), "masq-auth-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(base_);
        try
        {
            File.SetUnixFileMode(base_, (UnixFileMode)0b111_101_101);
            var secretFile = Path.Combine(base_, "secret");
            await File.WriteAllTextAsync(secretFile, "root only");
            File.SetUnixFileMode(secretFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            // Named after the chain, so the Daemon takes them as they are.
            var dataDirectory = Path.Combine(base_, "data", "base-mainnet");
            Directory.CreateDirectory(dataDirectory);
            File.CreateSymbolicLink(Path.Combine(dataDirectory, "stolen"), secretFile);
            var linkedData = Path.Combine(base_, "linked", "base-mainnet");
            Directory.CreateDirectory(Path.GetDirectoryName(linkedData)!);
            Directory.CreateSymbolicLink(linkedData, dataDirectory);

            // A symlinked data directory is refused with a clear error.
            var linkedSetup = await AsNobodyAsync(MasqBinaries.Cli, ["--ui-port", port, "setup", "--neighborhood-mode", "zero-hop", "--data-directory", linkedData, "--log-level", "info"]);
            Assert.True(linkedSetup.ExitCode == 0, linkedSetup.ToString());
            var linkedStart = await AsNobodyAsync(MasqBinaries.Cli, ["--ui-port", port, "start"]);
            Assert.NotEqual(0, linkedStart.ExitCode);
            Assert.Contains("is a symbolic link", linkedStart.StandardOutput + linkedStart.StandardError, StringComparison.Ordinal);

            var setup = await AsNobodyAsync(MasqBinaries.Cli, ["--ui-port", port, "setup", "--data-directory", dataDirectory]);
            Assert.True(setup.ExitCode == 0, setup.ToString());
            var start = await AsNobodyAsync(MasqBinaries.Cli, ["--ui-port", port, "start"]);
            Assert.True(start.ExitCode == 0, start.ToString());
            var pid = int.Parse(StartedPid().Match(start.StandardOutput).Groups[1].Value, CultureInfo.InvariantCulture);

            Assert.Equal($"{Nobody}\t{Nobody}\t{Nobody}\t{Nobody}", NodeProcess.ProcStatus(pid, "Uid"));
            Assert.Equal($"{Nobody}\t{Nobody}\t{Nobody}\t{Nobody}", NodeProcess.ProcStatus(pid, "Gid"));
            Assert.DoesNotContain("0", NodeProcess.ProcStatus(pid, "Groups").Split(' ', StringSplitOptions.RemoveEmptyEntries));
            Assert.Equal($"{Nobody}", await StatAsync("%u", dataDirectory));
            Assert.Equal("0:600", await StatAsync("%u:%a", secretFile));
            var steal = await AsNobodyAsync("cat", [Path.Combine(dataDirectory, "stolen")]);
            Assert.NotEqual(0, steal.ExitCode);

            // The Node's own hub demands the cookie too: the Daemon's redirect opens no way around it.
            var nodePort = int.Parse(StartedPort().Match(start.StandardOutput).Groups[1].Value, CultureInfo.InvariantCulture);
            using var http = new HttpClient();
            Assert.Equal(HttpStatusCode.Unauthorized, await NegotiateAsync(http, nodePort, null));
            Assert.True(UiCookie.TryRead(cookie, out var secret, out var problem), problem);
            Assert.Equal(HttpStatusCode.OK, await NegotiateAsync(http, nodePort, UiCookie.AuthorizationValue(secret)));
            var descriptor = await AsNobodyAsync(MasqBinaries.Cli, ["--ui-port", port, "descriptor"]);
            Assert.True(descriptor.ExitCode == 0, descriptor.ToString());
            var shutdown = await AsNobodyAsync(MasqBinaries.Cli, ["--ui-port", port, "shutdown"]);
            Assert.True(shutdown.ExitCode == 0, shutdown.ToString());
        }
        finally
        {
            Directory.Delete(base_, recursive: true);
        }
    }

    private static async Task<HttpStatusCode> NegotiateAsync(HttpClient http, int port, string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{port}{UiProtocol.HubPath}/negotiate?negotiateVersion=1");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }
        return (await http.SendAsync(request)).StatusCode;
    }

    private static string DaemonLog(DaemonProcess daemon) =>
        Directory.EnumerateFiles(daemon.Home.Path, "MASQNode_daemon_r*.log", SearchOption.AllDirectories).First();

    private static Task<ProcessResult> AsNobodyAsync(string program, IEnumerable<string> args) =>
        ProcessRunner.RunAsync("setpriv", ["--reuid=nobody", "--regid=nogroup", "--clear-groups", "--", program, .. args], new Dictionary<string, string> { ["HOME"] = "/tmp" });

    private static async Task<string> StatAsync(string format, string path)
    {
        var result = await ProcessRunner.RunAsync("stat", ["-c", format, path]);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.StandardOutput.Trim();
    }

    private static bool IsRoot() =>
        File.ReadAllText("/proc/self/status").Split('\n').First(l => l.StartsWith("Uid:", StringComparison.Ordinal)).Split('\t', StringSplitOptions.RemoveEmptyEntries)[2] == "0";

    [GeneratedRegex(@"started in process (\d+)")]
    private static partial Regex StartedPid();

    [GeneratedRegex(@"started in process \d+ on port (\d+)")]
    private static partial Regex StartedPort();
}
