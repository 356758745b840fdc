using System.Diagnostics.CodeAnalysis;
using System.Threading.Channels;
using Masq.Cli.Interactive;

namespace Masq.Cli.Tests.Fakes;

/// <summary>A console whose input lines and Ctrl-C come from the test.</summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "A fake for one test; its StringWriters hold only memory, and its token source has no timer.")]
internal sealed class FakeConsole(bool isInputTerminal = false) : IMasqConsole
{
    private readonly Channel<string?> _lines = Channel.CreateUnbounded<string?>();
    private readonly Queue<string?> _secrets = new();
    private readonly CancellationTokenSource _interrupt = new();
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();

    public TextWriter Out => _out;

    public TextWriter Error => _error;

    public bool IsInputTerminal { get; } = isInputTerminal;

    public bool InterruptsCaptured { get; private set; }

    public string Stdout
    {
        get
        {
            lock (_out)
            {
                return _out.ToString();
            }
        }
    }

    public string Stderr => _error.ToString();

    public FakeConsole Type(params string[] lines)
    {
        foreach (var line in lines)
        {
            _lines.Writer.TryWrite(line);
        }
        return this;
    }

    public FakeConsole EndInput()
    {
        _lines.Writer.TryWrite(null);
        return this;
    }

    public FakeConsole Secret(string? secret)
    {
        _secrets.Enqueue(secret);
        return this;
    }

    public void PressCtrlC() => _interrupt.Cancel();

    public FakeConsole BreakInput(IOException problem)
    {
        _lines.Writer.TryComplete(problem);
        return this;
    }

    public async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _lines.Reader.ReadAsync(cancellationToken);
        }
        catch (ChannelClosedException e) when (e.InnerException is IOException problem)
        {
            throw problem;
        }
    }

    public Task<string?> ReadSecretAsync(CancellationToken cancellationToken) =>
        Task.FromResult(_secrets.Count > 0 ? _secrets.Dequeue() : null);

    public CancellationToken CaptureInterrupts()
    {
        InterruptsCaptured = true;
        return _interrupt.Token;
    }
}
