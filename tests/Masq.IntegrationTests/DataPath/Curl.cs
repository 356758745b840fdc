using System.Security.Cryptography;
using Masq.IntegrationTests.Infrastructure;

namespace Masq.IntegrationTests.DataPath;

/// <summary>Runs the real curl through a Node's forward proxy.</summary>
internal static class Curl
{
    /// <summary>Downloads <paramref name="url"/> through the proxy; returns curl's exit code and the body's SHA-256.</summary>
    public static Task<(int ExitCode, string Sha256, long Length, string Error)> DownloadAsync(Uri proxy, string url, string? caCertificate = null) =>
        DownloadAsync(["-x", proxy.ToString()], url, caCertificate);

    /// <summary>Downloads <paramref name="url"/> with curl's proxy options (e.g. <c>--socks5-hostname 127.0.0.1:1080</c>).</summary>
    public static async Task<(int ExitCode, string Sha256, long Length, string Error)> DownloadAsync(IReadOnlyList<string> proxyOptions, string url, string? caCertificate = null)
    {
        string output = Path.Combine(Path.GetTempPath(), $"masq-curl-{Guid.NewGuid():N}");
        try
        {
            List<string> args = ["-sS", "--max-time", "120", .. proxyOptions, "-o", output];
            if (caCertificate is not null)
            {
                args.AddRange(["--cacert", caCertificate]);
            }

            args.Add(url);
            var result = await ProcessRunner.RunAsync("curl", args, timeout: TimeSpan.FromSeconds(150));
            if (!File.Exists(output))
            {
                return (result.ExitCode, string.Empty, 0, result.StandardError);
            }

            await using var file = File.OpenRead(output);
            byte[] hash = await SHA256.HashDataAsync(file);
            return (result.ExitCode, Convert.ToHexStringLower(hash), file.Length, result.StandardError);
        }
        finally
        {
            File.Delete(output);
        }
    }

    /// <summary>Runs curl and returns what it printed (headers included with -i).</summary>
    public static Task<ProcessResult> RunAsync(params string[] args) => ProcessRunner.RunAsync("curl", args, timeout: TimeSpan.FromSeconds(60));
}
