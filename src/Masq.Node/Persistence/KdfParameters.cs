using System.Globalization;
using System.Security.Cryptography;

namespace Masq.Node.Persistence;

/// <summary>
/// Algorithm, cost and salt of the password KDF, stored in the plaintext <c>kdf_params</c> row in PHC style:
/// <c>$argon2id$v=19$m=&lt;KiB&gt;,t=&lt;passes&gt;,p=1$&lt;base64 salt&gt;</c> (libsodium's argon2id13: version 19,
/// one lane).
/// </summary>
internal sealed class KdfParameters
{
    public const int SaltLength = 16;
    public const int MinMemoryKib = 8;
    public const int MaxMemoryKib = int.MaxValue / 1024;
    public const long MinOpsLimit = 3;   // Sodium.Core refuses fewer passes
    public const long MaxOpsLimit = 1000;

    private const string Prefix = "$argon2id$v=19$";

    private readonly byte[] salt;

    public KdfParameters(KdfCost cost, ReadOnlySpan<byte> salt)
    {
        if (salt.Length != SaltLength)
        {
            throw new ArgumentException($"The salt must be {SaltLength} bytes.", nameof(salt));
        }

        if (cost.OpsLimit < MinOpsLimit || cost.OpsLimit > MaxOpsLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(cost), cost.OpsLimit, $"Argon2 passes must be in {MinOpsLimit}..{MaxOpsLimit}.");
        }

        if (cost.MemLimitBytes % 1024 != 0 || cost.MemLimitBytes / 1024 < MinMemoryKib)
        {
            throw new ArgumentOutOfRangeException(nameof(cost), cost.MemLimitBytes, $"Argon2 memory must be a multiple of 1 KiB, at least {MinMemoryKib} KiB.");
        }

        Cost = cost;
        this.salt = salt.ToArray();
    }

    public KdfCost Cost { get; }

    public ReadOnlySpan<byte> Salt => salt;

    public static KdfParameters CreateNew(KdfCost cost) => new(cost, RandomNumberGenerator.GetBytes(SaltLength));

    /// <summary>Parses a stored <c>kdf_params</c> value; a malformed one is a <see cref="ConfigValueException"/>.</summary>
    public static KdfParameters Parse(string text)
    {
        if (!text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw Malformed("unsupported key-derivation algorithm");
        }

        var parts = text[Prefix.Length..].Split('$');
        if (parts.Length != 2)
        {
            throw Malformed("expected parameters and salt");
        }

        long? memoryKib = null;
        long? passes = null;
        var lanesSeen = false;
        foreach (var pair in parts[0].Split(','))
        {
            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0
                || !long.TryParse(pair.AsSpan(separator + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                throw Malformed($"bad parameter '{pair}'");
            }

            switch (pair[..separator])
            {
                case "m" when memoryKib is null:
                    memoryKib = number;
                    break;
                case "t" when passes is null:
                    passes = number;
                    break;
                case "p" when !lanesSeen && number == 1:
                    lanesSeen = true;
                    break;
                default:
                    throw Malformed($"unsupported parameter '{pair}'");
            }
        }

        if (memoryKib is null || passes is null || !lanesSeen)
        {
            throw Malformed("m, t and p are required");
        }

        if (memoryKib < MinMemoryKib || memoryKib > MaxMemoryKib || passes < MinOpsLimit || passes > MaxOpsLimit)
        {
            throw Malformed("cost out of range");
        }

        var saltBytes = new byte[SaltLength];
        if (!Convert.TryFromBase64String(PadBase64(parts[1]), saltBytes, out var written) || written != SaltLength)
        {
            throw Malformed($"the salt must be {SaltLength} bytes of base64");
        }

        return new KdfParameters(new KdfCost(passes.Value, (int)memoryKib.Value * 1024), saltBytes);
    }

    public string Format() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{Prefix}m={Cost.MemLimitBytes / 1024},t={Cost.OpsLimit},p=1${Convert.ToBase64String(salt).TrimEnd('=')}");

    public override string ToString() => Format();

    private static string PadBase64(string unpadded) =>
        unpadded.Length % 4 == 0 ? unpadded : unpadded.PadRight(unpadded.Length + (4 - (unpadded.Length % 4)), '=');

    private static ConfigValueException Malformed(string reason) => new(ConfigNames.KdfParams, reason);
}
