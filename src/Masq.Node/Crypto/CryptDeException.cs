namespace Masq.Node.Crypto;

/// <summary>
/// The one exception the Crypto layer throws for bad input: a ciphertext that does not open, a key of the wrong
/// shape, key material that does not import. Messages never contain key or payload bytes.
/// </summary>
internal sealed class CryptDeException : Exception
{
    public CryptDeException()
    {
    }

    public CryptDeException(string message)
        : base(message)
    {
    }

    public CryptDeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
