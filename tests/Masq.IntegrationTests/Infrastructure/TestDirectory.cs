namespace Masq.IntegrationTests.Infrastructure;

/// <summary>A temporary directory removed when the test ends.</summary>
internal sealed class TestDirectory : IDisposable
{
    public TestDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "masq-it-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        // MASQ_IT_KEEP=1 keeps the directory (the Nodes' logs and databases) for a look after a failure.
        if (Environment.GetEnvironmentVariable("MASQ_IT_KEEP") == "1")
        {
            return;
        }

        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
