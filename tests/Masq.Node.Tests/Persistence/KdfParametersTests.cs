using Masq.Node.Persistence;

namespace Masq.Node.Tests.Persistence;

public sealed class KdfParametersTests
{
    [Fact]
    public void Production_cost_keeps_the_earlier_work_within_the_Node_memory_budget()
    {
        // RFC 9106 §4, second recommended option: 64 MiB of memory; the earlier cost was 256 MiB × 3 passes.
        const long rfc9106LowMemory = 64L * 1024 * 1024;

        Assert.True(KdfCost.Production.MemLimitBytes >= rfc9106LowMemory);
        Assert.True(KdfCost.Production.MemLimitBytes <= rfc9106LowMemory, "the derivation is the Node's peak memory (≤ 200 MB per Node)");
        Assert.True((long)KdfCost.Production.MemLimitBytes * KdfCost.Production.OpsLimit
            >= (long)KdfCost.Legacy256MiB.MemLimitBytes * KdfCost.Legacy256MiB.OpsLimit);
        var stored = KdfParameters.CreateNew(KdfCost.Production).Format();
        Assert.StartsWith("$argon2id$v=19$m=65536,t=12,p=1$", stored, StringComparison.Ordinal);
    }

    [Fact]
    public void Production_parameters_derive_a_key_with_64_MiB()
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
    public void A_database_written_under_the_earlier_256_MiB_cost_still_derives_its_key()
    {
        // kdf_params as a database from before the change stores it; the key is libsodium's crypto_pwhash
        // (Argon2id v1.3, m = 262144 KiB, t = 3) of this password and the salt 00 01 … 0f, computed outside .NET.
        var stored = KdfParameters.Parse("$argon2id$v=19$m=262144,t=3,p=1$AAECAwQFBgcICQoLDA0ODw");
        var derivation = new PasswordKeyDerivation(KdfCost.Production);

        var key = derivation.DeriveKey("correct horse battery staple", stored);

        Assert.Equal(KdfCost.Legacy256MiB, stored.Cost);
        Assert.Equal("aad608b5866cef907f47d5cae529ed01a91301c92c5d5fef46e1a65e394e5742", Convert.ToHexStringLower(key));
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
