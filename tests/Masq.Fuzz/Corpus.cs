namespace Masq.Fuzz;

/// <summary>The checked-in seed corpus: one folder per target, one file per input.</summary>
internal static class Corpus
{
    /// <summary>The copy next to the binary (the project copies <c>corpus/</c> to its output).</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "corpus");

    public static IReadOnlyList<byte[]> Load(string directory, FuzzTarget target)
    {
        string folder = Path.Combine(directory, target.Name);
        return Directory.Exists(folder)
            ? Directory.GetFiles(folder).Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList()
            : [];
    }

    /// <summary>Writes the target's generated seeds into its folder; other files there (crash inputs) stay.</summary>
    public static int WriteSeeds(string directory, FuzzTarget target)
    {
        string folder = Path.Combine(directory, target.Name);
        Directory.CreateDirectory(folder);
        int count = 0;
        foreach (var (name, bytes) in target.Seeds())
        {
            File.WriteAllBytes(Path.Combine(folder, $"seed-{name}"), bytes);
            count++;
        }

        return count;
    }
}
