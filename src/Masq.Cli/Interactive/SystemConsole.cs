using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Masq.Cli.Interactive;

/// <summary><see cref="IMasqConsole"/> over <see cref="Console"/>. A terminal gets a line editor with history
/// (<see cref="LineEditor"/>); redirected input is read line by line as it is.</summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "One per masq process, alive until it exits; Ctrl-C may cancel the token at any time until then.")]
internal sealed class SystemConsole : IMasqConsole
{
    private readonly CancellationTokenSource _interrupted = new();
    private CommandHistory? _history;

    public TextWriter Out => Console.Out;

    public TextWriter Error => Console.Error;

    public bool IsInputTerminal => !Console.IsInputRedirected;

    // Console reads block a thread; they run on the pool so that a broadcast, the Daemon's death or Ctrl-C can end
    // the wait (the abandoned read dies with the process).
    public Task<string?> ReadLineAsync(CancellationToken cancellationToken) =>
        Task.Run(() => IsInputTerminal ? ReadEditedLine() : Console.In.ReadLine(), CancellationToken.None).WaitAsync(cancellationToken);

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

    /// <summary>Reads keys until Enter or Ctrl-D on an empty line, redrawing the line after each; the prompt is
    /// already on screen.</summary>
    private string? ReadEditedLine()
    {
        _history ??= new CommandHistory(CommandHistory.DefaultPath());
        var editor = new LineEditor(_history.Entries);
        var treatedControlC = Console.TreatControlCAsInput;
        Console.TreatControlCAsInput = true; // at the prompt Ctrl-C clears the line; while a command runs it interrupts
        try
        {
            while (true)
            {
                var action = editor.Apply(Console.ReadKey(intercept: true));
                switch (action)
                {
                    case LineEditAction.Submit:
                        Console.Out.Write(editor.Render(InteractiveSession.Prompt) + "\n");
                        _history.Add(editor.Text);
                        return editor.Text;
                    case LineEditAction.EndOfInput:
                        return null;
                    case LineEditAction.Cleared:
                        Console.Out.Write("^C\n");
                        break;
                }
                Console.Out.Write(editor.Render(InteractiveSession.Prompt));
            }
        }
        finally
        {
            Console.TreatControlCAsInput = treatedControlC;
        }
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
