using System.Diagnostics;
using System.Text;

namespace Masq.Cli.Tests.EndToEnd;

/// <summary>The real <c>masq</c> apphost (copied beside the tests), run with redirected stdin, stdout and stderr.</summary>
internal sealed class MasqProcess : IDisposable
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly Task _stdoutPump;
    private readonly Task _stderrPump;

    private MasqProcess(Process process)
    {
        _process = process;
        _stdoutPump = PumpAsync(process.StandardOutput, _stdout);
        _stderrPump = PumpAsync(process.StandardError, _stderr);
    }

    /// <summary>
    /// masq as built in its own project's output (bin/&lt;configuration&gt;/&lt;framework&gt;, the same as the tests'): the
    /// copy beside the tests cannot run, because this project's ASP.NET Core framework reference keeps the SignalR
    /// client assemblies out of the test output.
    /// </summary>
    public static string ExecutablePath { get; } = FindExecutable();

    public string Stdout
    {
        get
        {
            lock (_stdout)
            {
                return _stdout.ToString();
            }
        }
    }

    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public static MasqProcess Start(params string[] args) => StartProgram(ExecutablePath, args);

    /// <summary>
    /// Runs masq on a pseudo-terminal through util-linux <c>script</c>, so that stdin is a terminal: what masq writes
    /// to stdout and stderr, and what the terminal echoes, all comes out on <see cref="Stdout"/>.
    /// </summary>
    public static MasqProcess StartOnTerminal(params string[] args)
    {
        var command = string.Join(' ', new[] { ExecutablePath }.Concat(args).Select(a => "'" + a.Replace("'", "'\\''", StringComparison.Ordinal) + "'"));
        return StartProgram("script", ["--quiet", "--return", "--command", command, "/dev/null"]);
    }

    private static MasqProcess StartProgram(string program, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        return new MasqProcess(Process.Start(start) ?? throw new InvalidOperationException("masq did not start"));
    }

    /// <summary>Runs masq to completion: (exit code, stdout, stderr).</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var masq = Start(args);
        masq.CloseInput();
        var exitCode = await masq.WaitForExitAsync();
        return (exitCode, masq.Stdout, masq.Stderr);
    }

    public void Type(string line)
    {
        _process.StandardInput.Write(line + "\n");
        _process.StandardInput.Flush();
    }

    public void CloseInput() => _process.StandardInput.Close();

    /// <summary>Sends SIGINT, as Ctrl-C at a terminal does.</summary>
    public void Interrupt()
    {
        using var kill = Process.Start("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public async Task WaitForStdoutAsync(Func<string, bool> condition, string what)
    {
        var waited = Stopwatch.StartNew();
        while (!condition(Stdout))
        {
            if (waited.Elapsed > DefaultWait || _process.HasExited && !condition(Stdout))
            {
                await Task.Delay(100);
                Assert.Fail($"masq never printed {what}.\nstdout:\n{Stdout}\nstderr:\n{Stderr}");
            }
            await Task.Delay(10);
        }
    }

    public async Task<int> WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(DefaultWait);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            Assert.Fail($"masq did not exit.\nstdout:\n{Stdout}\nstderr:\n{Stderr}");
        }
        await Task.WhenAll(_stdoutPump, _stderrPump);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }

    private static string FindExecutable()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testOutput.Name;
        var configuration = testOutput.Parent!.Name;
        for (var directory = testOutput; directory is not null; directory = directory.Parent)
        {
            var project = Path.Combine(directory.FullName, "src", "Masq.Cli");
            if (Directory.Exists(project))
            {
                return Path.Combine(project, "bin", configuration, framework, OperatingSystem.IsWindows() ? "masq.exe" : "masq");
            }
        }
        throw new InvalidOperationException($"src/Masq.Cli not found above {testOutput.FullName}");
    }

    private static async Task PumpAsync(StreamReader reader, StringBuilder into)
    {
        var buffer = new char[1024];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            lock (into)
            {
                into.Append(buffer, 0, read);
            }
        }
    }
}
