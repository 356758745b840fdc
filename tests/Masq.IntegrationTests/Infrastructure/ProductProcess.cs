using System.Diagnostics;
using System.Text;

namespace Masq.IntegrationTests.Infrastructure;

/// <summary>
/// A product process (Daemon, Node, dashboard) started by a test: its output is collected, and it is killed with its
/// children when the test ends.
/// </summary>
internal sealed class ProductProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private int _disposed;

    public ProductProcess(ProcessStartInfo startInfo)
    {
        _process = new Process { StartInfo = startInfo };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Everything the process wrote to stdout and stderr so far.</summary>
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

    /// <summary>Polls <paramref name="ready"/> until it holds; fails early with the output when the process exits.</summary>
    public async Task WaitUntilAsync(Func<Task<bool>> ready, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{what} exited with {_process.ExitCode}:\n{Output}");
            }
            if (await ready())
            {
                return;
            }
            await Task.Delay(100);
        }
        Kill();
        throw new TimeoutException($"{what} was not ready in {timeout.TotalSeconds:0} s:\n{Output}");
    }

    /// <summary>
    /// Waits (a failure guard only) for the process to exit and for its output to be read to the end (a process that
    /// has exited may still have lines in the pipe); false when it still runs after <paramref name="timeout"/>.
    /// </summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return _process.HasExited;
        }
    }

    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    /// <summary>Kills and releases the process; a second call does nothing (a network and its owner may both dispose it).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        Kill();
        _process.Dispose();
    }

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
