namespace Masq.Daemon.Setup;

/// <summary>What the Daemon learns from an existing Node database.</summary>
/// <param name="StoredValues">
/// Setup-parameter name → value stored in the database, for the parameters whose default comes from it
/// (<c>blockchain-service-url</c>, <c>chain</c>, <c>clandestine-port</c>, <c>earning-wallet</c>, <c>gas-price</c>,
/// <c>mapping-protocol</c>, <c>min-hops</c>, <c>neighborhood-mode</c>, <c>payment-thresholds</c>, <c>rate-pack</c>,
/// <c>scan-intervals</c>). Absent or null values are left out.
/// </param>
/// <param name="PastNeighbors">Decrypted past-neighbor descriptors; <c>null</c> without a correct password.</param>
/// <param name="PasswordMatches">Whether the given password matches (true when none was given and none is set).</param>
public sealed record NodeDatabaseSnapshot(
    IReadOnlyDictionary<string, string> StoredValues,
    IReadOnlyList<string>? PastNeighbors,
    bool PasswordMatches);
