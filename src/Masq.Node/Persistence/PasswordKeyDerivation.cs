using System.Security.Cryptography;
using System.Text;
using Sodium;

namespace Masq.Node.Persistence;

/// <summary>
/// Derives the 32-byte database key from a password with libsodium's Argon2id, and caches derived keys in memory
/// (never on disk) so that each (password, parameters) pair costs one derivation per process. Register one instance
/// per process; it is thread-safe.
/// </summary>
internal sealed class PasswordKeyDerivation
{
    public const int KeyLength = 32;

    // Wrong guesses are cached too (so repeating one is cheap); the bound keeps that from growing without limit.
    private const int MaxCachedKeys = 16;

    private readonly Dictionary<string, Lazy<byte[]>> cache = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private int derivationCount;

    /// <param name="costForNewPasswords">Cost used when a password is set or changed; <see cref="KdfCost.Production"/> outside tests.</param>
    public PasswordKeyDerivation(KdfCost costForNewPasswords)
    {
        CostForNewPasswords = costForNewPasswords;
    }

    public KdfCost CostForNewPasswords { get; }

    /// <summary>How many Argon2 derivations actually ran (cache misses).</summary>
    public int DerivationCount => Volatile.Read(ref derivationCount);

    public KdfParameters NewParameters() => KdfParameters.CreateNew(CostForNewPasswords);

    /// <summary>The key for <paramref name="password"/> under <paramref name="parameters"/>; a copy the caller may clear.</summary>
    public byte[] DeriveKey(string password, KdfParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(parameters);
        var cacheKey = CacheKey(password, parameters);
        Lazy<byte[]> entry;
        lock (gate)
        {
            if (!cache.TryGetValue(cacheKey, out entry!))
            {
                if (cache.Count >= MaxCachedKeys)
                {
                    cache.Clear();
                }

                entry = new Lazy<byte[]>(() => Derive(password, parameters), LazyThreadSafetyMode.ExecutionAndPublication);
                cache.Add(cacheKey, entry);
            }
        }

        return (byte[])entry.Value.Clone();
    }

    private byte[] Derive(string password, KdfParameters parameters)
    {
        Interlocked.Increment(ref derivationCount);
        var passwordBytes = Encoding.UTF8.GetBytes(password);
        try
        {
            return PasswordHash.ArgonHashBinary(
                passwordBytes,
                parameters.Salt.ToArray(),
                parameters.Cost.OpsLimit,
                parameters.Cost.MemLimitBytes,
                KeyLength,
                PasswordHash.ArgonAlgorithm.Argon_2ID13);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(passwordBytes);
        }
    }

    // The cache is keyed by a digest so that it does not hold the password strings themselves.
    private static string CacheKey(string password, KdfParameters parameters)
    {
        var material = Encoding.UTF8.GetBytes(parameters.Format() + "\0" + password);
        try
        {
            return Convert.ToHexString(SHA256.HashData(material));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(material);
        }
    }
}
