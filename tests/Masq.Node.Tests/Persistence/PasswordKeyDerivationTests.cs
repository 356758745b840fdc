using Masq.Node.Persistence;

namespace Masq.Node.Tests.Persistence;

public sealed class PasswordKeyDerivationTests
{
    private readonly PasswordKeyDerivation derivation = new(PersistenceFixtures.CheapKdf);

    [Fact]
    public void A_password_and_parameters_are_derived_once_per_instance()
    {
        var parameters = derivation.NewParameters();

        var first = derivation.DeriveKey("secret", parameters);
        var second = derivation.DeriveKey("secret", KdfParameters.Parse(parameters.Format()));

        Assert.Equal(first, second);
        Assert.Equal(1, derivation.DerivationCount);
    }

    [Fact]
    public void Another_password_or_salt_gives_another_key()
    {
        var parameters = derivation.NewParameters();
        var key = derivation.DeriveKey("secret", parameters);

        var otherPassword = derivation.DeriveKey("Secret", parameters);
        var otherSalt = derivation.DeriveKey("secret", derivation.NewParameters());

        Assert.NotEqual(key, otherPassword);
        Assert.NotEqual(key, otherSalt);
        Assert.Equal(3, derivation.DerivationCount);
    }

    [Fact]
    public void The_stored_cost_drives_derivation_not_the_configured_one()
    {
        var stored = new KdfParameters(new KdfCost(4, 16 * 1024), new byte[16]);
        var otherDerivation = new PasswordKeyDerivation(new KdfCost(3, 32 * 1024));

        Assert.Equal(derivation.DeriveKey("pw", stored), otherDerivation.DeriveKey("pw", stored));
    }

    [Fact]
    public void Returned_keys_are_copies()
    {
        var parameters = derivation.NewParameters();
        var key = derivation.DeriveKey("secret", parameters);
        var expected = key.ToArray();

        Array.Clear(key);

        Assert.Equal(expected, derivation.DeriveKey("secret", parameters));
    }

    [Fact]
    public void Concurrent_requests_for_one_key_derive_it_once()
    {
        var parameters = derivation.NewParameters();

        var keys = Enumerable.Range(0, 8).AsParallel().Select(_ => derivation.DeriveKey("shared", parameters)).ToList();

        Assert.All(keys, key => Assert.Equal(keys[0], key));
        Assert.Equal(1, derivation.DerivationCount);
    }
}
