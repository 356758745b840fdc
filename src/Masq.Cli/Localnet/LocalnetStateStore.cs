using System.Text.Json;

namespace Masq.Cli.Localnet;

/// <summary>Reads and writes <c>DIR/localnet.json</c>; the file holds secrets, so it is written readable by its owner only.</summary>
internal static class LocalnetStateStore
{
    public static string PathIn(string dataDirectory) => Path.Combine(dataDirectory, LocalnetDefaults.StateFileName);

    /// <returns>The recorded localnet, or null when there is no <c>localnet.json</c>.</returns>
    /// <exception cref="InvalidDataException">The file is not a localnet record.</exception>
    public static LocalnetState? Read(string dataDirectory)
    {
        var path = PathIn(dataDirectory);
        if (!File.Exists(path))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), LocalnetJsonContext.Default.LocalnetState)
                ?? throw new InvalidDataException($"{path} is empty");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a localnet record: {e.Message}", e);
        }
    }

    public static void Write(string dataDirectory, LocalnetState state)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = PathIn(dataDirectory);
        var temporary = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var stream = new FileStream(temporary, options))
        {
            JsonSerializer.Serialize(stream, state, LocalnetJsonContext.Default.LocalnetState);
        }
        if (!OperatingSystem.IsWindows())
        {
            // UnixCreateMode applies only when the file is created; an old temporary file keeps its mode otherwise.
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        File.Move(temporary, path, overwrite: true);
    }

    public static void Delete(string dataDirectory) => File.Delete(PathIn(dataDirectory));
}
