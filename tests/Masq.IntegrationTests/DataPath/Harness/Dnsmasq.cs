using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Masq.IntegrationTests.DataPath.Harness;

/// <summary>
/// A real DNS server for the tests' host names: Debian's dnsmasq on a loopback address, port 53, answering only from a
/// hosts file (names under masq.test it does not know get NXDOMAIN). Installed by scripts/install-test-deps.sh when
/// missing. Needs root for port 53, which the test machines are.
/// </summary>
internal sealed class Dnsmasq : IAsyncDisposable
{
    private const string Binary = "/usr/sbin/dnsmasq";

    private readonly Process _process;
    private readonly string _directory;
    private readonly StringBuilder _output = new();

    private Dnsmasq(Process process, string directory, IPAddress address)
    {
        _process = process;
        _directory = directory;
        Address = address;
    }

    public IPAddress Address { get; }

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

    public static async Task<Dnsmasq> StartAsync(IPAddress address, IReadOnlyDictionary<string, IPAddress> hosts)
    {
        await EnsureInstalledAsync().ConfigureAwait(false);
        string directory = Path.Combine(Path.GetTempPath(), "masq-dns-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(directory);
        string hostsFile = Path.Combine(directory, "hosts");
        await File.WriteAllLinesAsync(hostsFile, hosts.Select(h => $"{h.Value} {h.Key}")).ConfigureAwait(false);
        var info = new ProcessStartInfo(Binary)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--keep-in-foreground", "--conf-file=/dev/null", "--no-resolv", "--no-hosts", $"--addn-hosts={hostsFile}",
            $"--listen-address={address}", "--bind-interfaces", "--port=53", "--local=/masq.test/", "--user=root", "--group=root",
            "--pid-file", "--log-facility=-", "--cache-size=0",
        })
        {
            info.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = info };
        var dns = new Dnsmasq(process, directory, address);
        process.OutputDataReceived += (_, e) => dns.Append(e.Data);
        process.ErrorDataReceived += (_, e) => dns.Append(e.Data);
        process.Start();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"dnsmasq exited with {process.ExitCode}: {dns.Output}");
            }

            if (await AnswersAsync(address).ConfigureAwait(false))
            {
                // Another dnsmasq already on this address answers too, while ours exits (address in use): make sure
                // the answer was ours.
                await Task.Delay(200).ConfigureAwait(false);
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"dnsmasq exited with {process.ExitCode} (is {address}:53 taken by another server?): {dns.Output}");
                }

                return dns;
            }

            await Task.Delay(100).ConfigureAwait(false);
        }

        await dns.DisposeAsync().ConfigureAwait(false);
        throw new TimeoutException($"dnsmasq did not answer on {address}:53: {dns.Output}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static async Task EnsureInstalledAsync()
    {
        if (File.Exists(Binary))
        {
            return;
        }

        string script = Path.Combine(Architecture.DependencyRuleTests.RepositoryRoot(), "scripts", "install-test-deps.sh");
        using var install = Process.Start(new ProcessStartInfo("bash", [script]) { UseShellExecute = false })!;
        await install.WaitForExitAsync().ConfigureAwait(false);
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException($"dnsmasq is not installed and {script} could not install it (exit {install.ExitCode})");
        }
    }

    /// <summary>Any well-formed answer to a query for a name under masq.test means the server is up.</summary>
    private static async Task<bool> AnswersAsync(IPAddress address)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        byte[] query = [0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 5, (byte)'p', (byte)'r', (byte)'o', (byte)'b', (byte)'e', 4, (byte)'m', (byte)'a', (byte)'s', (byte)'q', 4, (byte)'t', (byte)'e', (byte)'s', (byte)'t', 0, 0, 1, 0, 1];
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        try
        {
            await socket.SendToAsync(query, new IPEndPoint(address, 53), timeout.Token).ConfigureAwait(false);
            byte[] answer = new byte[512];
            int received = await socket.ReceiveAsync(answer, timeout.Token).ConfigureAwait(false);
            return received >= 12 && answer[0] == 0x12 && answer[1] == 0x34;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException)
        {
            return false;
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.Append(line).Append('\n');
            }
        }
    }
}
