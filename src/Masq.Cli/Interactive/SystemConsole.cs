using System.Text;

namespace Masq.Cli.Interactive;

/// <summary><see cref="IMasqConsole"/> over <see cref="Console"/>.</summary>
internal sealed class SystemConsole : IMasqConsole
{
    private readonly CancellationTokenSource _interrupted = new();

    public TextWriter Out => Console.Out;

    public TextWriter Error => Console.Error;

    public bool IsInputTerminal => !Console.IsInputRedirected;

    // Console reads block a thread; they run on the pool so that a broadcast, the Daemon's death or Ctrl-C can end
    // the wait (the abandoned read dies with the process).
    public Task<string?> ReadLineAsync(CancellationToken cancellationToken) =>
        Task.Run(Console.In.ReadLine, CancellationToken.None).WaitAsync(cancellationToken);

    public Task<string?> ReadSecretAsync(CancellationToken cancellationToken) =>
        Task.Run(ReadWithoutEcho, CancellationToken.None).WaitAsync(cancellationToken);

    public CancellationToken CaptureInterrupts()
    {
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            _interrupted.Cancel();
        };
        return _interrupted.Token;
    }

    private static string? ReadWithoutEcho()
    {
        var secret = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            switch (key.Key)
            {
                case ConsoleKey.Enter:
                    return secret.ToString();
                case ConsoleKey.Backspace:
                    if (secret.Length > 0)
                    {
                        secret.Length--;
                    }
                    break;
                case ConsoleKey.D when key.Modifiers.HasFlag(ConsoleModifiers.Control) && secret.Length == 0:
                    return null;
                default:
                    if (!char.IsControl(key.KeyChar))
                    {
                        secret.Append(key.KeyChar);
                    }
                    break;
            }
        }
    }
}
