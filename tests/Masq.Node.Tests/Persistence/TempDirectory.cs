using Microsoft.Data.Sqlite;

namespace Masq.Node.Tests.Persistence;

/// <summary>A fresh directory under the system temp directory, deleted (with its SQLite files) on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "masq-persistence-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        // Pooled connections keep the files open (and, on Windows, undeletable).
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a file still held by another test's pool is left for the OS to clean up.
        }
    }
}
