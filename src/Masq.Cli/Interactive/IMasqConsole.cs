namespace Masq.Cli.Interactive;

/// <summary>The process's console, behind a seam so the interactive loop can be tested in-process.</summary>
internal interface IMasqConsole
{
    TextWriter Out { get; }

    TextWriter Error { get; }

    /// <summary>True when stdin is a terminal (a person typing), false when it is a file or a pipe (a script).</summary>
    bool IsInputTerminal { get; }

    /// <summary>Reads one line from stdin; null at the end of input.</summary>
    Task<string?> ReadLineAsync(CancellationToken cancellationToken);

    /// <summary>Reads one line from the terminal without echoing it; null at the end of input.</summary>
    Task<string?> ReadSecretAsync(CancellationToken cancellationToken);

    /// <summary>From now on Ctrl-C (SIGINT) cancels the returned token instead of killing the process.</summary>
    CancellationToken CaptureInterrupts();
}
