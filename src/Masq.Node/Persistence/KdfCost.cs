namespace Masq.Node.Persistence;

/// <summary>
/// Argon2id cost used when a new password is set. Decryption always uses the cost stored with the salt, so a
/// database written under one cost is readable under any other.
/// </summary>
/// <param name="OpsLimit">Argon2 passes (t).</param>
/// <param name="MemLimitBytes">Argon2 memory in bytes (a multiple of 1 KiB).</param>
internal readonly record struct KdfCost(long OpsLimit, int MemLimitBytes)
{
    /// <summary>
    /// 64 MiB and 12 passes. RFC 9106 §4 recommends Argon2id with 64 MiB and 3 passes where memory is limited, and
    /// OWASP's minimum is 19 MiB with 2 passes; 12 passes keep the memory × passes product (the work per guess for an
    /// attacker limited by memory bandwidth) of the earlier 256 MiB × 3, for about the same derivation time. The
    /// memory is 4× smaller because it is the Node's peak: the derivation runs at start-up whenever a database password
    /// is given, and 256 MiB of it drove every Node's peak RSS to ~360 MB where the aim is 200 MB (issue 15). An
    /// attacker limited by memory capacity runs up to 4× as many guesses in parallel as against 256 MiB.
    /// Databases written under the earlier cost keep it (the cost is stored with the salt, see
    /// <see cref="KdfParameters"/>) and still open; they move to this cost when the password is next changed.
    /// </summary>
    public static KdfCost Production { get; } = new(12, 64 * 1024 * 1024);

    /// <summary>The cost of databases written before <see cref="Production"/> changed (256 MiB, 3 passes).</summary>
    public static KdfCost Legacy256MiB { get; } = new(3, 256 * 1024 * 1024);
}
