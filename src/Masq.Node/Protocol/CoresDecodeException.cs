namespace Masq.Node.Protocol;

/// <summary>
/// The only exception the Protocol decoders throw for untrusted bytes, whatever went wrong inside (CBOR reader
/// errors, bad lengths, failed decryption). Messages name fields, never payload or key bytes.
/// </summary>
internal sealed class CoresDecodeException : Exception
{
    public CoresDecodeException()
        : this(CoresDecodeError.Malformed, "Malformed protocol data.")
    {
    }

    public CoresDecodeException(string message)
        : this(CoresDecodeError.Malformed, message)
    {
    }

    public CoresDecodeException(string message, Exception innerException)
        : this(CoresDecodeError.Malformed, message, innerException)
    {
    }

    public CoresDecodeException(CoresDecodeError error, string message)
        : base(message)
    {
        Error = error;
    }

    public CoresDecodeException(CoresDecodeError error, string message, Exception innerException)
        : base(message, innerException)
    {
        Error = error;
    }

    public CoresDecodeError Error { get; }
}
