namespace Masq.Node.Networking;

internal enum HttpBodyKind
{
    None,
    ContentLength,
    Chunked,
}
