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
    /// 256 MiB and 3 passes: at least as memory-hard as keystore-v3's scrypt defaults (n=2^18, r=8, p=1 →
    /// 256 MiB, one pass) and well above OWASP's Argon2id minimum.
    /// </summary>
    public static KdfCost Production { get; } = new(3, 256 * 1024 * 1024);
}
