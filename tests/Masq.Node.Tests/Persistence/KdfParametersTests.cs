using Masq.Node.Persistence;

namespace Masq.Node.Tests.Persistence;

public sealed class KdfParametersTests
{
    [Fact]
    public void Production_cost_is_at_least_keystore_v3_scrypt_strength()
    {
        // keystore-v3 scrypt defaults: n = 2^18, r = 8, p = 1 → 128·n·r bytes = 256 MiB, one pass.
        const long scryptDefaultMemory = 128L * 262144 * 8;

        Assert.True(KdfCost.Production.MemLimitBytes >= scryptDefaultMemory);
        Assert.True(KdfCost.Production.OpsLimit >= 3);
        var stored = KdfParameters.CreateNew(KdfCost.Production).Format();
        Assert.StartsWith("$argon2id$v=19$m=262144,t=3,p=1$", stored, StringComparison.Ordinal);
    }

    [Fact]
    public void Production_parameters_derive_a_key_with_256_MiB()
    {
        var derivation = new PasswordKeyDerivation(KdfCost.Production);
        var parameters = derivation.NewParameters();

        var key = derivation.DeriveKey("correct horse battery staple", parameters);
        var cheap = new PasswordKeyDerivation(PersistenceFixtures.CheapKdf)
            .DeriveKey("correct horse battery staple", new KdfParameters(PersistenceFixtures.CheapKdf, parameters.Salt));

        Assert.Equal(32, key.Length);
        Assert.NotEqual(cheap, key);
        Assert.Equal(KdfCost.Production, parameters.Cost);
    }

    [Fact]
    public void Format_and_parse_round_trip()
    {
        var parameters = KdfParameters.CreateNew(new KdfCost(4, 64 * 1024 * 1024));

        var parsed = KdfParameters.Parse(parameters.Format());

        Assert.Equal(parameters.Cost, parsed.Cost);
        Assert.Equal(parameters.Salt.ToArray(), parsed.Salt.ToArray());
        Assert.Equal(parameters.Format(), parsed.Format());
        Assert.Equal(16, parsed.Salt.Length);
    }

    [Fact]
    public void New_parameters_get_fresh_salts()
    {
        var first = KdfParameters.CreateNew(PersistenceFixtures.CheapKdf);
        var second = KdfParameters.CreateNew(PersistenceFixtures.CheapKdf);

        Assert.NotEqual(first.Salt.ToArray(), second.Salt.ToArray());
    }

    [Theory]
    [InlineData("")]
    [InlineData("pbkdf2")]
    [InlineData("$argon2i$v=19$m=8,t=3,p=1$AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("$argon2id$v=18$m=8,t=3,p=1$AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("$argon2id$v=19$m=8,t=3,p=2$AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("$argon2id$v=19$m=8,t=3$AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("$argon2id$v=19$m=8,m=8,t=3,p=1$AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("$argon2id$v=19$m=4,t=3,p=1$AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("$argon2id$v=19$m=8,t=0,p=1$AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("$argon2id$v=19$m=8,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("$argon2id$v=19$m=8,t=1001,p=1$AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("$argon2id$v=19$m=99999999999,t=3,p=1$AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("$argon2id$v=19$m=-8,t=3,p=1$AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("$argon2id$v=19$m=8,t=3,p=1$AAAA")]
    [InlineData("$argon2id$v=19$m=8,t=3,p=1$not*base64*at*all*!!")]
    [InlineData("$argon2id$v=19$m=8,t=3,p=1")]
    [InlineData("$argon2id$v=19$m=8,t=3,p=1$AAAAAAAAAAAAAAAAAAAAAA$extra")]
    [InlineData("$argon2id$v=19$m=8,t=3,x=1,p=1$AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("$argon2id$v=19$=8,t=1,p=1$AAAAAAAAAAAAAAAAAAAAAA")]
    public void Malformed_stored_parameters_are_a_typed_error(string stored)
    {
        var error = Assert.Throws<ConfigValueException>(() => KdfParameters.Parse(stored));

        Assert.Equal(ConfigNames.KdfParams, error.Name);
    }

    [Fact]
    public void Parsing_random_text_never_throws_anything_but_the_typed_error()
    {
        var random = new Random(99);
        const string alphabet = "$argon2idv=19m,tp0123456789ABCxyz+/=";
        for (var i = 0; i < 5000; i++)
        {
            var chars = new char[random.Next(0, 60)];
            for (var j = 0; j < chars.Length; j++)
            {
                chars[j] = alphabet[random.Next(alphabet.Length)];
            }

            var text = (random.Next(2) == 0 ? "$argon2id$v=19$" : string.Empty) + new string(chars);
            try
            {
                var parsed = KdfParameters.Parse(text);
                Assert.Equal(KdfParameters.SaltLength, parsed.Salt.Length);
            }
            catch (ConfigValueException)
            {
                // The only acceptable failure.
            }
        }
    }
}
