using Masq.Lib.Blockchains;

namespace Masq.Lib.Tests.Blockchains;

public sealed class WalletAddressTests
{
    [Fact]
    public void Parses_any_letter_case_and_formats_lower_case()
    {
        Assert.True(WalletAddress.TryParse("0x27d9A2AC83b493f88ce9B4532EDcf74e95B9788d", out var address, out var error));
        Assert.Null(error);
        Assert.Equal("0x27d9a2ac83b493f88ce9b4532edcf74e95b9788d", address.ToString());
        Assert.Equal(WalletAddress.DefaultEarningWallet, address);
        Assert.Equal(20, address.Bytes.Length);
    }

    [Fact]
    public void Equal_addresses_in_different_case_are_equal()
    {
        var lower = WalletAddress.Parse("0xabcdefabcdefabcdefabcdefabcdefabcdefabcd");
        var upper = WalletAddress.Parse("0XABCDEFABCDEFABCDEFABCDEFABCDEFABCDEFABCD");
        Assert.Equal(lower, upper);
        Assert.True(lower == upper);
        Assert.Equal(lower.GetHashCode(), upper.GetHashCode());
    }

    [Theory]
    [InlineData("27d9A2AC83b493f88ce9B4532EDcf74e95B9788d")]
    [InlineData("0x27d9A2AC83b493f88ce9B4532EDcf74e95B9788")]
    [InlineData("0x27d9A2AC83b493f88ce9B4532EDcf74e95B9788dd")]
    [InlineData("0x27d9A2AC83b493f88ce9B4532EDcf74e95B9788g")]
    [InlineData("0x 7d9A2AC83b493f88ce9B4532EDcf74e95B9788d")]
    [InlineData("")]
    public void Rejects_anything_but_0x_and_40_hex_digits(string text)
    {
        Assert.False(WalletAddress.TryParse(text, out var address, out var error));
        Assert.Null(address);
        Assert.Equal($"Invalid value '{text}': a wallet address is '0x' followed by 40 hexadecimal digits", error);
    }

    [Fact]
    public void Private_keys_are_exactly_64_hex_digits_and_errors_never_show_them()
    {
        var key = new string('a', 32) + new string('F', 32);
        Assert.True(PrivateKeyFormat.IsValid(key));
        Assert.False(PrivateKeyFormat.IsValid(key[..63]));
        Assert.False(PrivateKeyFormat.IsValid(key + "0"));
        Assert.False(PrivateKeyFormat.IsValid("0x" + key[..62]));
        Assert.False(PrivateKeyFormat.IsValid(key[..63] + "g"));
        Assert.DoesNotContain(key, PrivateKeyFormat.InvalidReason, StringComparison.Ordinal);
        Assert.Contains("64 hexadecimal digits", PrivateKeyFormat.InvalidReason, StringComparison.Ordinal);
    }
}
