using System.Buffers;

namespace Masq.Node.Links;

/// <summary>
/// The byte stream under a link's <see cref="System.Net.Security.SslStream"/> (docs/protocol.md §1): the socket's
/// stream with a read buffer, so that one receive takes several TLS records, and, once <see cref="Cork"/>ed after the
/// handshake, a write buffer, so that the records of a batch go out in one send. The <c>SslStream</c> still writes each
/// cell as one whole record of the cell's length (coalescing changes only how records are grouped into TCP sends, never
/// a record's length); the buffer goes to the socket when the link's writer flushes (its queue is empty) or when the
/// next record would not fit. Both buffers come from <see cref="ArrayPool{T}.Shared"/> and go back as soon as they are
/// empty, so an idle link holds none (a read waits for data with a zero-byte read, as <c>SslStream</c> asks).
/// One reader and one writer at a time, as <c>SslStream</c> uses it; disposed once neither is under way.
/// </summary>
internal sealed class LinkTransport : Stream
{
    /// <summary>One receive takes up to this many bytes (about four large-cell records).</summary>
    public const int ReadBufferLength = 64 * 1024;

    /// <summary>Records are sent together up to this many bytes (about eight large-cell records).</summary>
    public const int WriteBufferLength = 128 * 1024;

    private readonly Stream _inner;
    private byte[]? _readBuffer;
    private int _readStart;
    private int _readEnd;
    private byte[]? _writeBuffer;
    private int _written;
    private volatile bool _corked;

    public LinkTransport(Stream inner)
    {
        _inner = inner;
    }

    /// <summary>Whether writes are buffered until a flush (set after the handshake).</summary>
    public bool IsCorked => _corked;

    /// <summary>How many sends went to the socket (for tests and figures).</summary>
    public long Sends { get; private set; }

    /// <summary>How many receives came from the socket (for tests and figures).</summary>
    public long Receives { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>From now on writes wait in the buffer until <see cref="FlushAsync(CancellationToken)"/>.</summary>
    public void Cork() => _corked = true;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_readEnd > _readStart)
        {
            return TakeBuffered(buffer.Span);
        }

        if (buffer.Length == 0 || buffer.Length >= ReadBufferLength)
        {
            // A zero-byte read waits for data without holding a buffer; a large read needs none of ours.
            int direct = await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            Receives += buffer.Length == 0 ? 0 : 1;
            return direct;
        }

        _readBuffer ??= ArrayPool<byte>.Shared.Rent(ReadBufferLength);
        int read = await _inner.ReadAsync(_readBuffer.AsMemory(0, ReadBufferLength), cancellationToken).ConfigureAwait(false);
        Receives++;
        if (read == 0)
        {
            ReturnReadBuffer();
            return 0;
        }

        _readStart = 0;
        _readEnd = read;
        return TakeBuffered(buffer.Span);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_readEnd > _readStart)
        {
            return TakeBuffered(buffer);
        }

        if (buffer.Length == 0 || buffer.Length >= ReadBufferLength)
        {
            Receives += buffer.Length == 0 ? 0 : 1;
            return _inner.Read(buffer);
        }

        _readBuffer ??= ArrayPool<byte>.Shared.Rent(ReadBufferLength);
        int read = _inner.Read(_readBuffer, 0, ReadBufferLength);
        Receives++;
        if (read == 0)
        {
            ReturnReadBuffer();
            return 0;
        }

        _readStart = 0;
        _readEnd = read;
        return TakeBuffered(buffer);
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (!_corked)
        {
            await _inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
            Sends++;
            return;
        }

        if (_written + buffer.Length > WriteBufferLength)
        {
            await SendBufferedAsync(cancellationToken).ConfigureAwait(false);
        }

        if (buffer.Length >= WriteBufferLength)
        {
            await _inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
            Sends++;
            return;
        }

        _writeBuffer ??= ArrayPool<byte>.Shared.Rent(WriteBufferLength);
        buffer.Span.CopyTo(_writeBuffer.AsSpan(_written));
        _written += buffer.Length;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (!_corked)
        {
            _inner.Write(buffer);
            Sends++;
            return;
        }

        if (_written + buffer.Length > WriteBufferLength)
        {
            SendBuffered();
        }

        if (buffer.Length >= WriteBufferLength)
        {
            _inner.Write(buffer);
            Sends++;
            return;
        }

        _writeBuffer ??= ArrayPool<byte>.Shared.Rent(WriteBufferLength);
        buffer.CopyTo(_writeBuffer.AsSpan(_written));
        _written += buffer.Length;
    }

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        await SendBufferedAsync(cancellationToken).ConfigureAwait(false);
        await _inner.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public override void Flush()
    {
        SendBuffered();
        _inner.Flush();
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
            ReturnReadBuffer();
            ReturnWriteBuffer();
        }

        base.Dispose(disposing);
    }

    private int TakeBuffered(Span<byte> destination)
    {
        int count = Math.Min(destination.Length, _readEnd - _readStart);
        _readBuffer.AsSpan(_readStart, count).CopyTo(destination);
        _readStart += count;
        if (_readStart == _readEnd)
        {
            ReturnReadBuffer();
        }

        return count;
    }

    private async ValueTask SendBufferedAsync(CancellationToken cancellationToken)
    {
        if (_written == 0)
        {
            return;
        }

        await _inner.WriteAsync(_writeBuffer.AsMemory(0, _written), cancellationToken).ConfigureAwait(false);
        Sends++;
        _written = 0;
        ReturnWriteBuffer();
    }

    private void SendBuffered()
    {
        if (_written == 0)
        {
            return;
        }

        _inner.Write(_writeBuffer!, 0, _written);
        Sends++;
        _written = 0;
        ReturnWriteBuffer();
    }

    private void ReturnReadBuffer()
    {
        _readStart = 0;
        _readEnd = 0;
        if (Interlocked.Exchange(ref _readBuffer, null) is { } buffer)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void ReturnWriteBuffer()
    {
        if (Interlocked.Exchange(ref _writeBuffer, null) is { } buffer)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
