using System.Globalization;

namespace Masq.Node.Neighborhood;

/// <summary>
/// Remembers the version of this Node's own record across runs (file <c>root-record-version</c> in the data
/// directory). The reference restarts at version 0, and every peer still holding the older, higher version then ignores
/// the restarted Node, so it cannot rejoin its old neighbors (neighborhood.md §2, Versions). A new run starts above the
/// last version it signed; without the file it starts at 0 as the reference does: the file lives beside the database
/// that holds the Node's key, so a Node without it is a new Node (new key) that no peer knows yet.
/// </summary>
internal sealed class RootVersionFile(string dataDirectory)
{
    public const string FileName = "root-record-version";

    private uint _written;

    public string Path { get; } = System.IO.Path.Combine(dataDirectory, FileName);

    /// <summary>The version the root's first record of this run should have.</summary>
    public uint FirstVersion()
    {
        try
        {
            if (File.Exists(Path)
                && uint.TryParse(File.ReadAllText(Path).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var last)
                && last < uint.MaxValue - 1)
            {
                return last + 1;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }

        return 0;
    }

    /// <summary>Writes <paramref name="version"/> if it is newer than what was written; false when the file cannot be written.</summary>
    public bool Save(uint version)
    {
        if (version <= _written)
        {
            return true;
        }

        try
        {
            var temporary = Path + ".tmp";
            File.WriteAllText(temporary, version.ToString(CultureInfo.InvariantCulture));
            File.Move(temporary, Path, overwrite: true);
            _written = version;
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
