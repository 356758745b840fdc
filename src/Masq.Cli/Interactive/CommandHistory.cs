namespace Masq.Cli.Interactive;

/// <summary>
/// Lines typed at interactive masq's prompt, oldest first, kept in memory and (when a file is given) appended to a
/// history file only its owner may read (0600). A line that may carry a secret (a password, a passphrase, a mnemonic
/// phrase or a private key) is never kept. Trouble with the file only costs the history: it never stops masq.
/// </summary>
internal sealed class CommandHistory
{
    public const int MaxEntries = 500;

    private static readonly string[] SecretWords = ["password", "passphrase", "mnemonic", "private-key", "consuming-key", "seed"];

    private readonly List<string> _entries = [];
    private readonly string? _path;

    /// <param name="path">The history file, or null to keep the history in memory only.</param>
    public CommandHistory(string? path)
    {
        _path = path;
        Load();
    }

    /// <summary>Oldest first.</summary>
    public IReadOnlyList<string> Entries => _entries;

    /// <summary><c>&lt;local data&gt;/MASQ/masq_history</c>, e.g. <c>~/.local/share/MASQ/masq_history</c> on Linux;
    /// null when there is no such folder.</summary>
    public static string? DefaultPath()
    {
        var localData = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        return string.IsNullOrEmpty(localData) ? null : Path.Join(localData, "MASQ", "masq_history");
    }

    /// <summary>Whether a line may carry a secret, so must not be kept.</summary>
    public static bool MayHoldSecret(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return SecretWords.Any(w => line.Contains(w, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Keeps <paramref name="line"/> unless it is blank, repeats the newest entry or may hold a secret.</summary>
    public void Add(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var trimmed = line.Trim();
        if (trimmed.Length == 0 || trimmed.Contains('\n', StringComparison.Ordinal) || MayHoldSecret(trimmed)
            || (_entries.Count > 0 && _entries[^1] == trimmed))
        {
            return;
        }
        _entries.Add(trimmed);
        if (_entries.Count > MaxEntries)
        {
            _entries.RemoveAt(0);
        }
        Append(trimmed);
    }

    private void Load()
    {
        if (_path is null || !File.Exists(_path))
        {
            return;
        }
        try
        {
            var lines = File.ReadAllLines(_path).Where(l => l.Length > 0 && !MayHoldSecret(l)).ToList();
            _entries.AddRange(lines.Skip(Math.Max(0, lines.Count - MaxEntries)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            // Without a readable history file there is just no history.
        }
    }

    private void Append(string line)
    {
        if (_path is null)
        {
            return;
        }
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.Read };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }
            using (var stream = new FileStream(_path, options))
            using (var writer = new StreamWriter(stream))
            {
                writer.Write(line);
                writer.Write('\n');
            }
            if (!OperatingSystem.IsWindows())
            {
                // A file made by something else keeps its mode on open; this one holds what the user typed.
                File.SetUnixFileMode(_path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            // The history is a convenience; a full disk or a read-only home must not stop masq.
        }
    }
}
