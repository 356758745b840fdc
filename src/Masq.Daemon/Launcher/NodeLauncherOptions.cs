namespace Masq.Daemon.Launcher;

/// <summary>How the Daemon starts Nodes.</summary>
public sealed class NodeLauncherOptions
{
    /// <summary>The program and leading arguments that start a Node (the Daemon's own binary by default).</summary>
    public IReadOnlyList<string> NodeCommand { get; set; } = CurrentProcessCommand();

    /// <summary>How long the launch probe keeps trying the Node's UI port (reference: about 10 s; a loaded machine can need more).</summary>
    public TimeSpan VerificationTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Pause between probes (reference: 250 ms).</summary>
    public TimeSpan ProbeInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The first port tried for the Node's UI (reference: scanning up from 32768).</summary>
    public int FirstUiPort { get; set; } = 32768;

    /// <summary>The Daemon's UI cookie file: the Node is told to demand the same cookie (<c>MASQ_UI_COOKIE</c>).</summary>
    public string? CookiePath { get; set; }

    /// <summary>The Daemon's UI cookie, presented by the launch probe.</summary>
    public byte[]? CookieSecret { get; set; }

    /// <summary>The Daemon was allowed (<c>--allow-root</c>) to run Nodes as root: the Node gets <c>MASQ_ALLOW_ROOT=1</c>.</summary>
    public bool AllowRoot { get; set; }

    /// <summary>The command that re-runs this process's binary: the apphost itself, or <c>dotnet app.dll</c>.</summary>
    public static IReadOnlyList<string> CurrentProcessCommand()
    {
        var processPath = Environment.ProcessPath ?? throw new InvalidOperationException("The Daemon cannot find its own executable");
        var name = Path.GetFileNameWithoutExtension(processPath);
        if (string.Equals(name, "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            var entry = System.Reflection.Assembly.GetEntryAssembly()?.Location;
            if (string.IsNullOrEmpty(entry))
            {
                throw new InvalidOperationException("The Daemon cannot find its own entry assembly");
            }
            return [processPath, entry];
        }
        return [processPath];
    }
}
